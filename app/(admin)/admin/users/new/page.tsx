import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/kit";
import { UserForm } from "@/components/admin/users/user-form";
import { getUserFormOptions } from "@/db/queries/users/staff";
import { cmsMessages } from "@/lib/messages/cms";
import { emptyUserValues, userChoices } from "@/lib/users/schema";
import { requireStaff } from "@/server/action";
import { createUserAction } from "../actions";

const m = cmsMessages.users;

export const metadata: Metadata = { title: m.newTitle, robots: { index: false } };

export default async function NewUserPage() {
  await requireStaff("user.manage", "/admin/users/new");
  const options = await getUserFormOptions();
  return (
    <div>
      <PageHeader
        title={m.newTitle}
        intro={m.intro}
        back={{ href: "/admin/users", label: cmsMessages.common.back }}
      />
      <UserForm
        action={createUserAction}
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
