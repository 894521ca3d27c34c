import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/action-button";
import { ChecklistForm } from "@/components/admin/checklist-form";
import { PageHeader } from "@/components/admin/page-header";
import { EditTopicForm } from "@/components/admin/research-topic-form";
import { AdminStatusBadge } from "@/components/admin/status-badge";
import { ui } from "@/components/admin/ui";
import {
  getResearchTopic,
  listGatherableNotes,
  listMemberOptions,
  listTopicOptions,
} from "@/db/queries/research";
import { renderMarkdown } from "@/lib/markdown";
import { adminMessages } from "@/lib/messages/admin";
import { requireStaff, staffPageTitle } from "../../../staff";
import { gatherNotesAction, removeNoteAction, setMembersAction } from "../actions";

export const generateMetadata = staffPageTitle(adminMessages.research.title);

const m = adminMessages.research;

/** One research topic: its fields, report and review; the notes it gathers; its members. */
export default async function ResearchTopicPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const permalink = `/admin/research/${id}`;
  await requireStaff("research.manage", permalink);
  const topicId = Number(id);
  const [topic, gatherable, members, topicOptions] = await Promise.all([
    getResearchTopic(topicId),
    listGatherableNotes(topicId),
    listMemberOptions(),
    listTopicOptions(),
  ]);
  if (!topic) notFound();
  return (
    <>
      <PageHeader
        title={topic.title}
        intro={[topic.year, topic.campaignName].filter(Boolean).join(" · ")}
        actions={
          <Link href={`/admin/research/compilation?year=${topic.year}`} className={ui.secondary}>
            {m.compilation}
          </Link>
        }
      >
        <p className="mb-1 text-sm">
          <Link href={`/admin/research?year=${topic.year}`} className={ui.link}>
            ← {m.back}
          </Link>
        </p>
      </PageHeader>
      {created === "1" && (
        <p
          role="status"
          className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900"
        >
          {m.created}
        </p>
      )}
      <section aria-labelledby="topic-edit" className={`${ui.card} mb-6`}>
        <h2 id="topic-edit" className="sr-only">
          {m.editTitle}
        </h2>
        <EditTopicForm
          topic={topic}
          topics={topicOptions}
          savedPreviewHtml={renderMarkdown(topic.report, { topHeadingLevel: 3 })}
          permalink={permalink}
        />
      </section>

      <div className="grid gap-5 xl:grid-cols-2">
        <section aria-labelledby="topic-notes" className={ui.card}>
          <h2 id="topic-notes" className={`${ui.cardTitle} mb-3`}>
            {m.notes}（{topic.notes.length}）
          </h2>
          {topic.notes.length === 0 ? (
            <p className="text-muted">{adminMessages.proposals.noNotes}</p>
          ) : (
            <ul className="divide-y divide-stone-200">
              {topic.notes.map((n) => (
                <li key={n.id} className="flex flex-wrap items-center gap-2 py-2">
                  <Link href={`/admin/notes/${n.id}`} className={`${ui.link} min-w-0 flex-1`}>
                    {n.title || adminMessages.queue.untitled}
                  </Link>
                  <span className="text-sm text-muted">{n.authorName}</span>
                  <AdminStatusBadge status={n.status} />
                  <ActionButton
                    action={removeNoteAction}
                    hidden={{ id: topic.id, noteId: n.id }}
                    label={m.remove}
                    accessibleLabel={`${m.remove}：${n.title}`}
                    permalink={permalink}
                  />
                </li>
              ))}
            </ul>
          )}
          <h3 className="mb-1 mt-5 font-semibold">{m.gather}</h3>
          <p className={`${ui.hint} mb-2`}>{m.gatherHint}</p>
          <ChecklistForm
            action={gatherNotesAction}
            hidden={{ id: topic.id }}
            name="notes"
            legend={m.gather}
            items={gatherable.map((n) => ({
              value: String(n.id),
              label: n.title || adminMessages.queue.untitled,
              hint: `${n.authorName} · ${adminMessages.statuses[n.status]}`,
            }))}
            submitLabel={m.gatherSubmit}
            emptyText={m.gatherNone}
            permalink={permalink}
          />
        </section>

        <section aria-labelledby="topic-members" className={ui.card}>
          <h2 id="topic-members" className={ui.cardTitle}>
            {m.members}
          </h2>
          <p className={`${ui.hint} mb-3`}>{m.membersHint}</p>
          <ChecklistForm
            key={topic.members.map((p) => p.id).join(",")}
            action={setMembersAction}
            hidden={{ id: topic.id }}
            name="members"
            legend={m.members}
            items={members.map((p) => ({
              value: String(p.id),
              label: p.name,
              hint: p.sectorName ?? undefined,
            }))}
            checked={topic.members.map((p) => String(p.id))}
            submitLabel={m.saveMembers}
            emptyText={adminMessages.duty.empty}
            permalink={permalink}
          />
          {topic.proposals.length > 0 && (
            <>
              <h3 className="mb-1 mt-5 font-semibold">{m.proposals}</h3>
              <ul className="list-disc pl-5">
                {topic.proposals.map((p) => (
                  <li key={p.id}>
                    <Link href={`/admin/proposals/${p.id}`} className={ui.link}>
                      {p.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </>
  );
}
