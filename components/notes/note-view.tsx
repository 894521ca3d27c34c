import type { MemberNote, NoteTimelineEntry } from "@/db/queries/notes/member";
import { noteHistoryLabel } from "@/lib/messages/note-states";
import { fillNoteMessage, notesMessages as m } from "@/lib/messages/notes";
import type { NotePhotoSummary } from "@/lib/notes/form-state";
import { formatDate, formatDateTime } from "@/lib/time";
import { formatVisitDate } from "./note-list";
import { StatusBadge } from "./status-badge";

const sectionTitle = "font-serif text-xl font-bold text-brand-800";

/** What the note says, field by field; paragraphs keep their line breaks. */
export function NoteDetails({ note, timeZone }: { note: MemberNote; timeZone: string }) {
  const f = m.fields;
  const missing = <span className="text-muted">{m.view.notFilled}</span>;
  const short: [string, React.ReactNode][] = [
    [f.visitDate, note.visitDate ? formatVisitDate(note.visitDate) : missing],
    [f.town, note.townName ?? missing],
    [f.place, note.place || missing],
    [f.sector, note.sectorName ?? missing],
    [f.category, note.category ? m.categories[note.category] : missing],
    [
      f.event,
      note.eventTitle
        ? `${note.eventStartsAt ? `${formatDate(note.eventStartsAt, timeZone)} ` : ""}${note.eventTitle}`
        : m.none,
    ],
    [f.topic, note.topicName ?? m.none],
  ];
  const long: [string, string][] = [
    [f.observation, note.observation],
    [f.suggestion, note.suggestion],
    [f.peopleMet, note.peopleMet],
  ];
  return (
    <section
      aria-labelledby="details-title"
      className="rounded-md border border-stone-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <h2 id="details-title" className={sectionTitle}>
        {m.view.details}
      </h2>
      <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-2">
        {short.map(([label, value]) => (
          <div key={label} className="flex gap-3">
            <dt className="w-20 shrink-0 text-muted">{label}</dt>
            <dd className="min-w-0">{value}</dd>
          </div>
        ))}
      </dl>
      <dl className="mt-6 space-y-5 border-t border-stone-200 pt-5">
        {long.map(([label, value]) => (
          <div key={label}>
            <dt className="font-semibold text-ink">{label}</dt>
            <dd className="mt-1 whitespace-pre-line leading-relaxed">{value || missing}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The photos, each a link to the full picture. */
export function NotePhotoGallery({ photos }: { photos: NotePhotoSummary[] }) {
  return (
    <section
      aria-labelledby="photos-title"
      className="rounded-md border border-stone-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <h2 id="photos-title" className={sectionTitle}>
        {m.view.photos}
      </h2>
      {photos.length === 0 ? (
        <p className="mt-3 text-muted">{m.view.noPhotos}</p>
      ) : (
        <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3">
          {photos.map((photo, i) => (
            <li key={photo.id}>
              <a
                href={photo.url}
                target="_blank"
                rel="noopener"
                className="block overflow-hidden rounded-md border border-stone-200 hover:border-brand-600"
              >
                {/* biome-ignore lint/performance/noImgElement: a private, per-user image; next/image would cache it publicly */}
                <img
                  src={photo.url}
                  alt={fillNoteMessage(m.photos.alt, { n: i + 1 })}
                  width={photo.width ?? undefined}
                  height={photo.height ?? undefined}
                  loading="lazy"
                  className="aspect-[4/3] h-auto w-full bg-stone-100 object-cover"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const actionLabel = noteHistoryLabel;

/** Who moved the note, as the member reads it: themself, or the office that handled it. */
function actorLabel(entry: NoteTimelineEntry, office: string): string {
  if (entry.byAuthor) return m.actorRoles.self;
  if (!entry.actorRole) return m.actorRoles.system;
  if (entry.actorRole === "member") return m.actorRoles.member;
  return entry.actorOffice ?? office;
}

/** Who did what to the note, when and why, oldest first. */
export function NoteTimeline({
  entries,
  timeZone,
  office,
}: {
  entries: NoteTimelineEntry[];
  timeZone: string;
  /** The committee's office (区政协办公室), for staff of no liaison office. */
  office: string;
}) {
  return (
    <section
      aria-labelledby="timeline-title"
      className="rounded-md border border-stone-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <h2 id="timeline-title" className={sectionTitle}>
        {m.view.timeline}
      </h2>
      {entries.length === 0 ? (
        <p className="mt-3 text-muted">{m.view.timelineEmpty}</p>
      ) : (
        <ol className="mt-4 space-y-0">
          {entries.map((entry, i) => (
            <li key={entry.id} className="relative flex gap-3 pb-5 last:pb-0">
              {i < entries.length - 1 && (
                <span
                  aria-hidden="true"
                  className="absolute left-[7px] top-5 h-full w-px bg-stone-300"
                />
              )}
              <span
                aria-hidden="true"
                className={`relative mt-1.5 size-[15px] shrink-0 rounded-full border-2 ${
                  i === entries.length - 1
                    ? "border-brand-700 bg-brand-700"
                    : "border-stone-400 bg-white"
                }`}
              />
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{actionLabel(entry)}</span>
                  <StatusBadge status={entry.toStatus} />
                </p>
                <p className="text-sm text-muted">
                  <time dateTime={entry.at.toISOString()}>
                    {formatDateTime(entry.at, timeZone)}
                  </time>
                  <span aria-hidden="true"> · </span>
                  {actorLabel(entry, office)}
                </p>
                {entry.reason && (
                  <p className="mt-1.5 whitespace-pre-line rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
                    <span className="font-medium">{m.view.reason}：</span>
                    {entry.reason}
                  </p>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
