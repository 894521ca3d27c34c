import { notFound } from "next/navigation";
import type { PermissionAction } from "@/lib/permissions";
import { requireStaff } from "@/server/action";

/** The props of a console page about one record (`…/[id]`). */
export interface RecordPageProps<Query> {
  params: Promise<{ id: string }>;
  searchParams: Promise<Query>;
}

/**
 * The opening of a record's page: a malformed id is a 404, then the staff gate (a 404 for
 * those without `permission`). Returns the id, the query, the page's own address and the user.
 */
export async function openRecord<Query>(
  { params, searchParams }: RecordPageProps<Query>,
  base: string,
  permission: PermissionAction,
) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const permalink = `${base}/${Number(id)}`;
  const user = await requireStaff(permission, permalink);
  return { id: Number(id), query, permalink, user };
}
