import { TemplateForm } from "@/components/pipeline/template-form";
import { PageHeader } from "@/components/ui/page-header";
import { listAnswerTemplates } from "@/db/queries/pipeline/answer-templates";
import { adminMessages } from "@/lib/messages/admin";
import { requireStaff, staffPageTitle } from "@/server/action";
import { deleteTemplate, saveTemplate } from "./actions";

export const generateMetadata = staffPageTitle(adminMessages.templates.title);

const m = adminMessages.templates;

/** 理由与答复模板: the wording staff insert when returning, rejecting or answering. */
export default async function TemplatesPage() {
  await requireStaff("template.manage", "/admin/notes/templates");
  const templates = await listAnswerTemplates();
  return (
    <>
      <PageHeader
        title={m.title}
        intro={m.intro}
        back={{ href: "/admin/notes", label: adminMessages.note.back }}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        {templates.length === 0 && <p className="text-muted">{m.empty}</p>}
        {templates.map((t) => (
          <TemplateForm
            key={`${t.id}:${t.title}:${t.body}`}
            template={t}
            saveAction={saveTemplate}
            deleteAction={deleteTemplate}
          />
        ))}
      </div>
      <h2 className="mb-3 mt-8 text-lg font-semibold">{m.create}</h2>
      <div className="lg:w-1/2">
        <TemplateForm saveAction={saveTemplate} deleteAction={deleteTemplate} />
      </div>
    </>
  );
}
