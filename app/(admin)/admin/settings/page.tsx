import { notFound } from "next/navigation";
import { SiteSettingsForm } from "@/components/admin/site-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { getSiteSettings } from "@/db/queries/site-settings/write";
import { siteMessages } from "@/lib/messages/site";
import { siteSettingsValues } from "@/lib/settings/site";
import { requireStaff, staffPageTitle } from "@/server/action";
import { saveSiteSettingsAction } from "./actions";

export const generateMetadata = staffPageTitle(siteMessages.settings.title);

const m = siteMessages.settings;

/** 网站设置: the footer's names, contact, filing numbers and links, edited by the admin. */
export default async function SiteSettingsPage() {
  await requireStaff("settings.manage", "/admin/settings");
  const settings = await getSiteSettings();
  if (!settings) notFound();
  return (
    <>
      <PageHeader title={m.title} intro={m.intro} />
      <SiteSettingsForm
        action={saveSiteSettingsAction}
        initial={siteSettingsValues(settings)}
        permalink="/admin/settings"
      />
    </>
  );
}
