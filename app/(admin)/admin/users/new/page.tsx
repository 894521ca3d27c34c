import type { Metadata } from "next";
import { AdminPageHeader } from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import { UserForm } from "@/components/admin/content/user-form";
import { getUserFormOptions } from "@/db/queries/admin-users";
import { cmsMessages } from "@/lib/messages/cms";
import { emptyUserValues } from "../schema";
import { userChoices } from "../view";

const m = cmsMessages.users;

export const metadata: Metadata = { title: m.newTitle, robots: { index: false } };

export default async function NewUserPage() {
  await requireStaff("user.manage", { roles: ["admin"], next: "/admin/users/new" });
  const options = await getUserFormOptions();
  return (
    <div>
      <AdminPageHeader
        title={m.newTitle}
        intro={m.intro}
        back={{ href: "/admin/users", label: cmsMessages.common.back }}
      />
      <UserForm
        mode="new"
        id={null}
        initial={emptyUserValues}
        {...userChoices(options)}
        isSelf={false}
        permalink="/admin/users/new"
      />
    </div>
  );
}
