import { notFound } from "next/navigation";
import { Notice, Panel, Section } from "@/components/admin/kit";
import { DepartmentForm } from "@/components/pipeline/department-form";
import { DepartmentTransferTable } from "@/components/pipeline/pipeline-lists";
import { PageHeader } from "@/components/ui/page-header";
import { getDepartment } from "@/db/queries/pipeline/departments";
import { adminMessages } from "@/lib/messages/admin";
import { committeeToday, staffPageTitle } from "@/server/action";
import { openRecord, type RecordPageProps } from "../../record-page";
import { updateDepartmentAction } from "../actions";

export const generateMetadata = staffPageTitle(adminMessages.departments.title);

const m = adminMessages.departments;

/** One department: edit it, and follow every note transferred to it. */
export default async function DepartmentPage(props: RecordPageProps<{ saved?: string }>) {
  const { id, query, permalink } = await openRecord(
    props,
    "/admin/departments",
    "department.manage",
  );
  const [{ today, timeZone }, department] = await Promise.all([
    committeeToday(),
    getDepartment(id),
  ]);
  if (!department) notFound();
  return (
    <>
      <PageHeader
        title={department.name}
        intro={department.contact || undefined}
        back={{ href: "/admin/departments", label: m.back }}
      />
      {query.saved === "1" && <Notice>{m.saved}</Notice>}
      <Panel id="edit" title={m.edit} className="mb-6">
        <DepartmentForm
          action={updateDepartmentAction}
          key={JSON.stringify(department)}
          department={department}
          permalink={permalink}
        />
      </Panel>
      <Section id="transfers" title={m.transfers}>
        <DepartmentTransferTable
          transfers={department.transfers}
          today={today}
          timeZone={timeZone}
        />
      </Section>
    </>
  );
}
