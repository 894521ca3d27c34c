"use server";

import { redirect } from "next/navigation";
import { retryDelivery } from "@/db/queries/notifications/admin";
import { isAppError } from "@/lib/errors";
import { cmsGateErrors } from "@/lib/messages/cms/gate";
import { gatedAction } from "@/server/action";

const LIST = "/admin/notifications";

/**
 * 重试: puts one failed delivery back in the queue (audited in the query's transaction),
 * then back to the same list with a notice. The system administrator's alone.
 */
export async function retryDeliveryAction(formData: FormData): Promise<void> {
  await gatedAction<Record<string, never>, { id: number; back: string }>(formData, {
    label: "notification retry",
    roles: ["admin"],
    permission: "notification.manage",
    onForbidden: "not-found",
    fields: [],
    errors: cmsGateErrors,
    parse: () => {
      const back = formData.get("back");
      const id = Number(formData.get("id"));
      return {
        ok: true,
        data: {
          id: Number.isSafeInteger(id) ? id : 0,
          back: typeof back === "string" && back.startsWith(LIST) ? back : LIST,
        },
      };
    },
    run: async ({ id, back }, actor) => {
      const join = back.includes("?") ? "&" : "?";
      const outcome = await retryDelivery(actor, id).then(
        () => "done=retried",
        (error: unknown) => {
          if (isAppError(error)) return `error=${error.code}`;
          console.error("[notifications] retry failed:", error);
          return "error=unexpected";
        },
      );
      redirect(`${back}${join}${outcome}`);
    },
  });
}
