import Link from "next/link";
import { notFound } from "next/navigation";
import { DepartmentForm } from "@/components/admin/department-form";
import { PageHeader } from "@/components/admin/page-header";
import { ui } from "@/components/admin/ui";
import { getDepartment } from "@/db/queries/departments";
import { adminMessages } from "@/lib/messages/admin";
import { isTransferOverdue } from "@/lib/moderation";
import { formatDate } from "@/lib/time";
import { committeeToday, requireStaff, staffPageTitle } from "../../../staff";

export const generateMetadata = staffPageTitle(adminMessages.departments.title);

const m = adminMessages.departments;

/** One department: edit it, and follow every note transferred to it. */
export default async function DepartmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const [{ id }, { saved }] = await Promise.all([params, searchParams]);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const permalink = `/admin/departments/${id}`;
  await requireStaff("department.manage", permalink);
  const [{ today, timeZone }, department] = await Promise.all([
    committeeToday(),
    getDepartment(Number(id)),
  ]);
  if (!department) notFound();
  return (
    <>
      <PageHeader title={department.name} intro={department.contact || undefined}>
        <p className="mb-1 text-sm">
          <Link href="/admin/departments" className={ui.link}>
            ← {m.back}
          </Link>
        </p>
      </PageHeader>
      {saved === "1" && (
        <p
          role="status"
          className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900"
        >
          {m.saved}
        </p>
      )}
      <section aria-labelledby="edit" className={`${ui.card} mb-6`}>
        <h2 id="edit" className={`${ui.cardTitle} mb-3`}>
          {m.edit}
        </h2>
        <DepartmentForm
          key={JSON.stringify(department)}
          department={department}
          permalink={permalink}
        />
      </section>
      <section aria-labelledby="transfers">
        <h2 id="transfers" className="mb-3 text-lg font-semibold">
          {m.transfers}
        </h2>
        {department.transfers.length === 0 ? (
          <p className={`${ui.card} text-muted`}>{m.noTransfers}</p>
        ) : (
          <div className="overflow-x-auto rounded-md border border-stone-200 bg-white">
            <table className={ui.table}>
              <caption className="sr-only">{m.transfers}</caption>
              <thead>
                <tr>
                  <th scope="col" className={ui.th}>
                    {m.note}
                  </th>
                  <th scope="col" className={ui.th}>
                    {adminMessages.note.transferDueOn}
                  </th>
                  <th scope="col" className={ui.th}>
                    {adminMessages.queue.columns.status}
                  </th>
                  <th scope="col" className={`${ui.th} hidden sm:table-cell`}>
                    {adminMessages.note.answerSatisfaction}
                  </th>
                </tr>
              </thead>
              <tbody>
                {department.transfers.map((t) => (
                  <tr key={t.id}>
                    <td className={ui.td}>
                      <Link href={`/admin/notes/${t.noteId}`} className={ui.link}>
                        {t.noteTitle || adminMessages.queue.untitled}
                      </Link>
                    </td>
                    <td className={`${ui.td} whitespace-nowrap`}>
                      {t.dueOn}
                      {isTransferOverdue(t, today) && (
                        <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800">
                          {m.overdue}
                        </span>
                      )}
                    </td>
                    <td className={`${ui.td} whitespace-nowrap`}>
                      {adminMessages.transferStatuses[t.status]}
                      {t.answeredAt && (
                        <span className="block text-sm text-muted">
                          {formatDate(t.answeredAt, timeZone)}
                        </span>
                      )}
                    </td>
                    <td className={`${ui.td} hidden sm:table-cell`}>
                      {t.satisfaction ? adminMessages.satisfaction[t.satisfaction] : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
