"use server";

import { redirect } from "next/navigation";
import { moderateOpinions } from "@/db/queries/opinions/staff";
import { isAppError } from "@/lib/errors";
import { idsFromForm } from "@/lib/form-state";
import { cmsGateErrors } from "@/lib/messages/cms/gate";
import { gatedAction } from "@/server/action";

interface Moderation {
  list: string;
  decision: "approved" | "rejected" | null;
  ids: number[];
}

/**
 * Approves or rejects opinions: the ticked ones ("approved" / "rejected"), or one row's
 * ("approved:12"). Back to the same filtered list with a notice.
 */
export async function moderateOpinionsAction(formData: FormData): Promise<void> {
  await gatedAction<Record<string, never>, Moderation>(formData, {
    label: "opinion moderation",
    roles: ["admin"],
    permission: "opinion.moderate",
    onForbidden: "not-found",
    fields: [],
    errors: cmsGateErrors,
    parse: () => {
      const back = formData.get("back");
      const list =
        typeof back === "string" && back.startsWith("/admin/opinions") ? back : "/admin/opinions";
      const [decision, single] = String(formData.get("decision") ?? "").split(":");
      // One row's button sends its id as typed: the query refuses what is not one.
      const ids = single ? [Number(single)] : idsFromForm(formData, "ids");
      return {
        ok: true,
        data: {
          list,
          decision: decision === "approved" || decision === "rejected" ? decision : null,
          ids,
        },
      };
    },
    run: async ({ list, decision, ids }, actor) => {
      const join = list.includes("?") ? "&" : "?";
      if (decision === null) redirect(list);
      if (ids.length === 0) redirect(`${list}${join}error=none`);
      const outcome = await moderateOpinions(actor, ids, decision).then(
        (result) => `done=${decision}&n=${result.changed.length}`,
        (error: unknown) => {
          if (isAppError(error)) return `error=${error.code}`;
          console.error("[cms] moderation failed:", error);
          return "error=unexpected";
        },
      );
      redirect(`${list}${join}${outcome}`);
    },
  });
}
