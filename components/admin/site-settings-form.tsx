"use client";

import type { FormAction } from "@/components/admin/form-action";
import * as kit from "@/components/admin/kit";
import { idleForm } from "@/lib/form-state";
import { siteMessages } from "@/lib/messages/site";
import { linkFields } from "@/lib/settings/fields";

const m = siteMessages.settings;
const f = m.fields;

/**
 * The site's conventions (/admin/settings): names, contact, filing numbers and the links
 * to other CPPCC sites. A plain post without JavaScript; refused input is kept as typed.
 */
export function SiteSettingsForm({
  action,
  initial,
  permalink,
}: {
  action: FormAction;
  initial: Record<string, string>;
  permalink: string;
}) {
  const { field, ...form } = kit.useFormAction(action, idleForm(initial), {
    formId: "settings",
    permalink,
  });
  return (
    <kit.ConsoleForm form={form} submit={m.save}>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-serif text-lg font-bold">{m.identity}</legend>
        <kit.TextField {...field.text("name")} label={f.name} required maxLength={60} />
        <kit.TextField {...field.text("shortName")} label={f.shortName} required maxLength={20} />
        <kit.TextField
          {...field.text("hostOrganisation")}
          label={f.hostOrganisation}
          optional
          maxLength={60}
          className="sm:col-span-2"
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-serif text-lg font-bold">{m.contact}</legend>
        <kit.TextField
          {...field.text("contactAddress")}
          label={f.contactAddress}
          optional
          maxLength={100}
          className="sm:col-span-2"
        />
        <kit.TextField
          {...field.text("postcode")}
          label={f.postcode}
          optional
          inputMode="numeric"
          maxLength={6}
        />
        <kit.TextField
          {...field.text("contactPhone")}
          type="tel"
          label={f.contactPhone}
          optional
          maxLength={30}
        />
        <kit.TextField
          {...field.text("contactEmail")}
          type="email"
          label={f.contactEmail}
          optional
          maxLength={100}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-serif text-lg font-bold">{m.filing}</legend>
        <kit.TextField
          {...field.text("icpNumber")}
          label={f.icpNumber}
          hint={f.icpHint}
          optional
          maxLength={30}
        />
        <kit.TextField
          {...field.text("policeNumber")}
          label={f.policeNumber}
          hint={f.policeHint}
          optional
          maxLength={30}
        />
        <kit.TextField
          {...field.text("govSiteCode")}
          label={f.govSiteCode}
          hint={f.govSiteCodeHint}
          optional
          maxLength={10}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-[1fr_2fr]">
        <legend className="mb-1 font-serif text-lg font-bold">{m.links}</legend>
        <p className="text-sm text-muted sm:col-span-2">{m.linksHint}</p>
        {linkFields.map((link, i) => [
          <kit.TextField
            key={link.name}
            {...field.text(link.name)}
            label={f.linkName(i + 1)}
            optional
            maxLength={30}
          />,
          <kit.TextField
            key={link.url}
            {...field.text(link.url)}
            label={f.linkUrl(i + 1)}
            optional
            inputMode="text"
            maxLength={300}
          />,
        ])}
      </fieldset>
    </kit.ConsoleForm>
  );
}
