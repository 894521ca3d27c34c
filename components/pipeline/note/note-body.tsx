import { NoteTimeline } from "@/components/admin/note-timeline";
import { ui } from "@/components/admin/ui";
import type { StaffNoteView } from "@/db/queries/pipeline/staff-note";
import { adminMessages } from "@/lib/messages/admin";
import { notePhotoUrl } from "@/lib/notes/form-state";
import { formatDateSpan, formatDateTime } from "@/lib/time";

const m = adminMessages.note;

/** The note as its author wrote it: facts, text, photos, and the timeline of its moves. */
export function NoteBody({ note, timeZone }: { note: StaffNoteView; timeZone: string }) {
  const facts: [string, string | null][] = [
    [m.author, note.authorName],
    [m.authorSector, note.authorSectorName],
    [m.submittedAt, note.submittedAt ? formatDateTime(note.submittedAt, timeZone) : null],
    [m.visitDate, note.visitDate ? formatDateSpan(note.visitDate, note.visitDate) : null],
    [m.town, note.townName],
    [m.place, note.place || null],
    [m.sector, note.sectorName],
    [m.category, note.category ? adminMessages.categories[note.category] : null],
    [m.event, note.eventTitle],
    [m.topic, note.topicName],
    [m.peopleMet, note.peopleMet || null],
  ];
  return (
    <div className="space-y-5">
      <section aria-labelledby="facts" className={ui.card}>
        <h2 id="facts" className={ui.cardTitle}>
          {m.meta}
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2">
          {facts.map(([label, value]) => (
            <div key={label} className="flex gap-3">
              <dt className="w-24 shrink-0 text-muted">{label}</dt>
              <dd className="min-w-0">{value ?? <span className="text-muted">{m.notSet}</span>}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="observation" className={ui.card}>
        <h2 id="observation" className={ui.cardTitle}>
          {m.observation}
        </h2>
        <p className="mt-2 whitespace-pre-line">{note.observation || m.notSet}</p>
        <h2 className={`${ui.cardTitle} mt-5`}>{m.suggestion}</h2>
        <p className="mt-2 whitespace-pre-line">{note.suggestion || m.notSet}</p>
      </section>
      <section aria-labelledby="photos" className={ui.card}>
        <h2 id="photos" className={ui.cardTitle}>
          {m.photos}
        </h2>
        {note.photoIds.length === 0 ? (
          <p className="mt-2 text-muted">{m.noPhotos}</p>
        ) : (
          <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
            {note.photoIds.map((photoId, i) => (
              <li key={photoId}>
                <a href={notePhotoUrl(photoId)} target="_blank" rel="noopener">
                  {/* biome-ignore lint/performance/noImgElement: private photos, served with a permission check, not through the image optimiser */}
                  <img
                    src={notePhotoUrl(photoId)}
                    alt={m.photo(i + 1)}
                    loading="lazy"
                    className="aspect-[4/3] w-full rounded border border-stone-200 object-cover"
                  />
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="timeline" className={ui.card}>
        <h2 id="timeline" className={`${ui.cardTitle} mb-3`}>
          {m.timeline}
        </h2>
        <NoteTimeline timeline={note.timeline} timeZone={timeZone} />
      </section>
    </div>
  );
}
