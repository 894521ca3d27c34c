import { DepartmentForm } from "@/components/admin/department-form";
import { ListPage } from "@/components/admin/kit";
import { DepartmentTable } from "@/components/admin/pipeline-lists";
import { ui } from "@/components/admin/ui";
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
      <section aria-labelledby="new-department" className={`${ui.card} mt-6`}>
        <h2 id="new-department" className={`${ui.cardTitle} mb-3`}>
          {m.create}
        </h2>
        <DepartmentForm action={createDepartmentAction} permalink="/admin/departments" />
      </section>
    </ListPage>
  );
}
