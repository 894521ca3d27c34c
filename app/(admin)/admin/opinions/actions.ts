"use server";

import { redirect } from "next/navigation";
import { actorOf, requireStaff } from "@/components/admin/content/staff";
import { CmsError } from "@/db/queries/admin-content";
import { moderateOpinions } from "@/db/queries/opinions";

/**
 * Approves or rejects opinions: the ticked ones ("approved" / "rejected"), or one row's
 * ("approved:12"). Back to the same filtered list with a notice.
 */
export async function moderateOpinionsAction(formData: FormData): Promise<void> {
  const user = await requireStaff("opinion.moderate", { roles: ["admin"] });
  const back = typeof formData.get("back") === "string" ? String(formData.get("back")) : "";
  const list = back.startsWith("/admin/opinions") ? back : "/admin/opinions";
  const join = list.includes("?") ? "&" : "?";
  const raw = String(formData.get("decision") ?? "");
  const [decision, single] = raw.split(":");
  if (decision !== "approved" && decision !== "rejected") redirect(list);
  const ids = single
    ? [Number(single)]
    : formData
        .getAll("ids")
        .map((v) => (typeof v === "string" && /^[1-9]\d{0,8}$/.test(v) ? Number(v) : 0))
        .filter((n) => n > 0);
  if (ids.length === 0) redirect(`${list}${join}error=none`);
  let changed = 0;
  try {
    changed = (await moderateOpinions(await actorOf(user), ids, decision)).changed.length;
  } catch (error) {
    const code = error instanceof CmsError ? error.code : "unexpected";
    if (code === "unexpected") console.error("[cms] moderation failed:", error);
    redirect(`${list}${join}error=${code}`);
  }
  redirect(`${list}${join}done=${decision}&n=${changed}`);
}
