import { toOptions } from "@/components/admin/content/format";
import type { UserFormOptions } from "@/db/queries/admin-users";
import { cmsMessages } from "@/lib/messages/cms";
import { userRoles } from "@/lib/vocabulary";

export function userChoices(options: UserFormOptions) {
  return {
    roles: userRoles.map((r) => ({ value: r, label: cmsMessages.users.roles[r] })),
    sectors: toOptions(options.sectors),
    organisations: toOptions(options.organisations),
  };
}
