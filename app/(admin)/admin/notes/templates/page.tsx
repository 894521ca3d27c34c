import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { TemplateForm } from "@/components/admin/template-form";
import { ui } from "@/components/admin/ui";
import { listAnswerTemplates } from "@/db/queries/answer-templates";
import { adminMessages } from "@/lib/messages/admin";
import { requireStaff, staffPageTitle } from "../../../staff";

export const generateMetadata = staffPageTitle(adminMessages.templates.title);

const m = adminMessages.templates;

/** 理由与答复模板: the wording staff insert when returning, rejecting or answering. */
export default async function TemplatesPage() {
  await requireStaff("template.manage", "/admin/notes/templates");
  const templates = await listAnswerTemplates();
  return (
    <>
      <PageHeader title={m.title} intro={m.intro}>
        <p className="mb-1 text-sm">
          <Link href="/admin/notes" className={ui.link}>
            ← {adminMessages.note.back}
          </Link>
        </p>
      </PageHeader>
      <div className="grid gap-4 lg:grid-cols-2">
        {templates.length === 0 && <p className="text-muted">{m.empty}</p>}
        {templates.map((t) => (
          <TemplateForm key={`${t.id}:${t.title}:${t.body}`} template={t} />
        ))}
      </div>
      <h2 className="mb-3 mt-8 text-lg font-semibold">{m.create}</h2>
      <div className="lg:w-1/2">
        <TemplateForm />
      </div>
    </>
  );
}
