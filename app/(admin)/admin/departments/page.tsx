import Link from "next/link";
import { DepartmentForm } from "@/components/admin/department-form";
import { PageHeader } from "@/components/admin/page-header";
import { ui } from "@/components/admin/ui";
import { listDepartments } from "@/db/queries/departments";
import { adminMessages } from "@/lib/messages/admin";
import { committeeToday, requireStaff, staffPageTitle } from "../../staff";

export const generateMetadata = staffPageTitle(adminMessages.departments.title);

const m = adminMessages.departments;

/** 职能部门: the registry, how many transfers each has open, answered and overdue. */
export default async function DepartmentsPage() {
  await requireStaff("department.manage", "/admin/departments");
  const { today } = await committeeToday();
  const rows = await listDepartments({ today });
  return (
    <>
      <PageHeader title={m.title} intro={m.intro} />
      {rows.length === 0 ? (
        <p className={`${ui.card} text-muted`}>{m.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-stone-200 bg-white">
          <table className={ui.table}>
            <caption className="sr-only">{m.title}</caption>
            <thead>
              <tr>
                <th scope="col" className={ui.th}>
                  {m.name}
                </th>
                <th scope="col" className={`${ui.th} hidden md:table-cell`}>
                  {m.contact}
                </th>
                <th scope="col" className={`${ui.th} text-right`}>
                  {m.pending}
                </th>
                <th scope="col" className={`${ui.th} text-right`}>
                  {m.overdue}
                </th>
                <th scope="col" className={`${ui.th} text-right`}>
                  {m.answered}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <td className={ui.td}>
                    <Link href={`/admin/departments/${d.id}`} className={ui.link}>
                      {d.name}
                    </Link>
                    {!d.active && (
                      <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs">
                        {m.inactive}
                      </span>
                    )}
                  </td>
                  <td className={`${ui.td} hidden text-muted md:table-cell`}>{d.contact}</td>
                  <td className={`${ui.td} text-right tabular-nums`}>{d.pending}</td>
                  <td
                    className={`${ui.td} text-right tabular-nums ${d.overdue > 0 ? "font-semibold text-brand-700" : ""}`}
                  >
                    {d.overdue}
                  </td>
                  <td className={`${ui.td} text-right tabular-nums`}>{d.answered}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="new-department" className={`${ui.card} mt-6`}>
        <h2 id="new-department" className={`${ui.cardTitle} mb-3`}>
          {m.create}
        </h2>
        <DepartmentForm permalink="/admin/departments" />
      </section>
    </>
  );
}
