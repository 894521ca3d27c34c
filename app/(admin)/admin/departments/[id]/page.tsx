import { notFound } from "next/navigation";
import { DepartmentForm } from "@/components/admin/department-form";
import { Notice } from "@/components/admin/kit";
import { DepartmentTransferTable } from "@/components/admin/pipeline-lists";
import { ui } from "@/components/admin/ui";
import { PageHeader } from "@/components/ui/page-header";
import { getDepartment } from "@/db/queries/pipeline/departments";
import { adminMessages } from "@/lib/messages/admin";
import { committeeToday, requireStaff, staffPageTitle } from "@/server/action";
import { updateDepartmentAction } from "../actions";

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
      <PageHeader
        title={department.name}
        intro={department.contact || undefined}
        back={{ href: "/admin/departments", label: m.back }}
      />
      {saved === "1" && <Notice>{m.saved}</Notice>}
      <section aria-labelledby="edit" className={`${ui.card} mb-6`}>
        <h2 id="edit" className={`${ui.cardTitle} mb-3`}>
          {m.edit}
        </h2>
        <DepartmentForm
          action={updateDepartmentAction}
          key={JSON.stringify(department)}
          department={department}
          permalink={permalink}
        />
      </section>
      <section aria-labelledby="transfers">
        <h2 id="transfers" className="mb-3 text-lg font-semibold">
          {m.transfers}
        </h2>
        <DepartmentTransferTable
          transfers={department.transfers}
          today={today}
          timeZone={timeZone}
        />
      </section>
    </>
  );
}
