import Link from "next/link";
import type { FormAction } from "@/components/admin/form-action";
import { Panel } from "@/components/admin/kit";
import { AdminStatusBadge } from "@/components/admin/status-badge";
import { ui } from "@/components/admin/ui";
import type { LinkedNote, MemberOption, ResearchTopicDetail } from "@/db/queries/pipeline/research";
import { adminMessages } from "@/lib/messages/admin";
import type { InlineImageAnswer } from "@/lib/rich-text/editor";
import { renderRichText } from "@/lib/rich-text/sanitize";
import { ActionButton } from "./action-button";
import { ChecklistForm } from "./checklist-form";
import { EditTopicForm } from "./research-topic-form";

const m = adminMessages.research;

/** One topic's page below its header: the edit form with the report, notes, members. */
export function TopicSections({
  topic,
  topics,
  gatherable,
  members,
  permalink,
  actions,
}: {
  topic: ResearchTopicDetail;
  topics: { id: number; name: string }[];
  gatherable: LinkedNote[];
  members: MemberOption[];
  permalink: string;
  actions: {
    update: FormAction<{ previewHtml: string } | undefined>;
    removeNote: FormAction;
    gather: FormAction;
    members: FormAction;
    /** Stores a picture placed inside the report. */
    uploadImage: (formData: FormData) => Promise<InlineImageAnswer>;
  };
}) {
  return (
    <>
      <section aria-labelledby="topic-edit" className={`${ui.card} mb-6`}>
        <h2 id="topic-edit" className="sr-only">
          {m.editTitle}
        </h2>
        <EditTopicForm
          action={actions.update}
          topic={topic}
          topics={topics}
          savedPreviewHtml={renderRichText(topic.report)}
          uploadImage={actions.uploadImage}
          permalink={permalink}
        />
      </section>
      <div className="grid gap-5 xl:grid-cols-2">
        <TopicNotes
          topic={topic}
          gatherable={gatherable}
          permalink={permalink}
          removeAction={actions.removeNote}
          gatherAction={actions.gather}
        />
        <TopicMembers
          topic={topic}
          members={members}
          permalink={permalink}
          action={actions.members}
        />
      </div>
    </>
  );
}

/** The notes a research topic gathers (each removable), and the adopted ones it may add. */
export function TopicNotes({
  topic,
  gatherable,
  permalink,
  removeAction,
  gatherAction,
}: {
  topic: ResearchTopicDetail;
  gatherable: LinkedNote[];
  permalink: string;
  removeAction: FormAction;
  gatherAction: FormAction;
}) {
  return (
    <Panel id="topic-notes" title={`${m.notes}（${topic.notes.length}）`}>
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
                action={removeAction}
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
        action={gatherAction}
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
    </Panel>
  );
}

/** The members who took part (for their duty records), and the proposals the topic led to. */
export function TopicMembers({
  topic,
  members,
  permalink,
  action,
}: {
  topic: ResearchTopicDetail;
  members: MemberOption[];
  permalink: string;
  action: FormAction;
}) {
  return (
    <Panel id="topic-members" title={m.members}>
      <p className={`${ui.hint} mb-3`}>{m.membersHint}</p>
      <ChecklistForm
        key={topic.members.map((p) => p.id).join(",")}
        action={action}
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
    </Panel>
  );
}
