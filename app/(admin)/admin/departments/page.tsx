import { ListPage, Panel } from "@/components/admin/kit";
import { DepartmentForm } from "@/components/pipeline/department-form";
import { DepartmentTable } from "@/components/pipeline/pipeline-lists";
import { listDepartments } from "@/db/queries/pipeline/departments";
import { adminMessages } from "@/lib/messages/admin";
import { committeeToday, requireStaff, staffPageTitle } from "@/server/action";
import { createDepartmentAction } from "./actions";

export const generateMetadata = staffPageTitle(adminMessages.departments.title);

const m = adminMessages.departments;

/** 职能部门: the registry, how many transfers each has open, answered and overdue. */
export default async function DepartmentsPage() {
  await requireStaff("department.manage", "/admin/departments");
  const { today } = await committeeToday();
  const rows = await listDepartments({ today });
  return (
    <ListPage title={m.title} intro={m.intro}>
      <DepartmentTable rows={rows} />
      <Panel id="new-department" title={m.create} className="mt-6">
        <DepartmentForm action={createDepartmentAction} permalink="/admin/departments" />
      </Panel>
    </ListPage>
  );
}
