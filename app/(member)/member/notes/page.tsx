import type { Metadata } from "next";
import Link from "next/link";
import { NewNoteButton } from "@/components/notes/dashboard";
import { NoteList } from "@/components/notes/note-list";
import { WaitingNotes } from "@/components/notes/offline/waiting-notes";
import { ListPager, StatusFilter } from "@/components/notes/status-filter";
import { countMemberNotesByStatus, listMemberNotes } from "@/db/queries/notes/member";
import { getCommitteeInfo } from "@/db/queries/settings";
import { notesMessages as m } from "@/lib/messages/notes";
import { type NoteStatus, noteStatuses } from "@/lib/notes/workflow";
import { requireUser } from "@/server/auth/session";

export const metadata: Metadata = { title: m.list.title };

const PAGE_SIZE = 20;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function statusFrom(value: unknown): NoteStatus | null {
  return typeof value === "string" && (noteStatuses as readonly string[]).includes(value)
    ? (value as NoteStatus)
    : null;
}

function pageFrom(value: unknown): number {
  return typeof value === "string" && /^\d{1,4}$/.test(value) && Number(value) > 0
    ? Number(value)
    : 1;
}

export default async function MemberNotesPage({ searchParams }: Props) {
  const user = await requireUser({ roles: ["member"], next: "/member/notes" });
  const query = await searchParams;
  const status = statusFrom(query.status);
  const page = pageFrom(query.page);
  const [committee, counts, list] = await Promise.all([
    getCommitteeInfo(),
    countMemberNotesByStatus(user.id),
    listMemberNotes(user.id, { status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const nothingAtAll = noteStatuses.every((s) => counts[s] === 0);

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-serif text-2xl font-bold text-brand-800 sm:text-3xl">
            {m.list.title}
            {status && <span className="sr-only">：{m.statuses[status]}</span>}
          </h1>
          <p className="mt-1 text-muted">{m.list.intro}</p>
        </div>
        <NewNoteButton className="w-full sm:w-auto" />
      </div>
      <WaitingNotes userId={user.id} timeZone={committee.timeZone} />
      <StatusFilter counts={counts} current={status} />
      {list.items.length > 0 ? (
        <NoteList items={list.items} timeZone={committee.timeZone} />
      ) : (
        <div className="rounded-md border border-dashed border-stone-300 bg-white p-6 text-center">
          <p className="text-muted">{nothingAtAll ? m.list.emptyAll : m.list.empty}</p>
          {nothingAtAll && (
            <Link
              href="/member/notes/new"
              className="mt-2 inline-block text-brand-700 hover:underline"
            >
              {m.list.createFirst}
            </Link>
          )}
        </div>
      )}
      <ListPager page={page} pages={pages} status={status} />
    </div>
  );
}
