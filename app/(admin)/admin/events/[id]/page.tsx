import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventForm } from "@/components/admin/content/event-form";
import { buttonClass } from "@/components/admin/content/fields";
import { compactDateTime, idStrings, toLocalInput } from "@/components/admin/content/format";
import { AdminPageHeader, Badge, Notice } from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import type { CmsError } from "@/db/queries/admin-content";
import { getEventForEdit, getEventFormOptions } from "@/db/queries/admin-events";
import { getCommitteeInfo } from "@/db/queries/settings";
import { cmsMessages } from "@/lib/messages/cms";
import { cancelEventAction, restoreEventAction } from "../actions";
import { eventOptions } from "../view";

const m = cmsMessages.events;

export const metadata: Metadata = { title: m.editTitle, robots: { index: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const doneText: Record<string, string> = {
  created: m.created,
  saved: m.saved,
  cancelled: m.cancel.done,
  restored: m.restore.done,
};

export default async function EditEventPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const user = await requireStaff("event.create", { next: `/admin/events/${raw}` });
  if (!/^[1-9]\d{0,8}$/.test(raw)) notFound();
  const [found, options, committee, query] = await Promise.all([
    getEventForEdit(user, Number(raw)),
    getEventFormOptions(),
    getCommitteeInfo(),
    searchParams,
  ]);
  if (!found) notFound();
  const { event, counts } = found;
  const tz = committee.timeZone;
  const cancelled = event.status === "cancelled";
  const done = typeof query.done === "string" ? (doneText[query.done] ?? null) : null;
  const errorCode =
    typeof query.error === "string" && query.error in cmsMessages.errors
      ? (query.error as CmsError["code"])
      : null;

  return (
    <div>
      <AdminPageHeader
        title={m.editTitle}
        back={{ href: "/admin/events", label: cmsMessages.common.back }}
        actions={
          <>
            <Link href={`/events/${event.id}`} className={buttonClass.quiet}>
              {m.links.public}
            </Link>
            <Link href={`/events/${event.id}/event.ics`} className={buttonClass.quiet}>
              {m.links.ics}
            </Link>
            {event.openToPublic && (
              <Link href={`/admin/registrations/${event.id}`} className={buttonClass.quiet}>
                {m.links.registrations}
              </Link>
            )}
          </>
        }
      />
      <Notice>{done}</Notice>
      {errorCode && <Notice tone="error">{cmsMessages.errors[errorCode]}</Notice>}
      <p className="mb-4 flex flex-wrap items-center gap-3 text-sm text-muted">
        <Badge tone={cancelled ? "bad" : "good"}>{m.status[event.status]}</Badge>
        {event.openToPublic && (
          <span>{m.seats(counts.confirmed, event.capacity, counts.waitlisted)}</span>
        )}
        <span>{cmsMessages.common.lastUpdated(compactDateTime(event.updatedAt, tz))}</span>
      </p>
      {cancelled && <Notice tone="error">{m.cancelledNotice}</Notice>}

      <EventForm
        id={event.id}
        initial={{
          title: event.title,
          kind: event.kind,
          serviceType: event.serviceType ?? "",
          summary: event.summary,
          body: event.body,
          startsAt: toLocalInput(event.startsAt, tz),
          endsAt: toLocalInput(event.endsAt, tz),
          townId: event.townId === null ? "" : String(event.townId),
          venue: event.venue,
          campaignId: event.campaignId === null ? "" : String(event.campaignId),
          topicId: event.topicId === null ? "" : String(event.topicId),
          openToPublic: event.openToPublic ? "on" : "",
          capacity: event.capacity === null ? "" : String(event.capacity),
          registrationOpensAt: toLocalInput(event.registrationOpensAt, tz),
          registrationClosesAt: toLocalInput(event.registrationClosesAt, tz),
          sectorIds: idStrings(event.sectorIds),
          organisationIds: idStrings(event.organisationIds),
        }}
        updatedAt={event.updatedAt.toISOString()}
        {...eventOptions(options)}
        permalink={`/admin/events/${event.id}`}
      />

      <section
        aria-labelledby="event-status-title"
        className="mt-8 rounded-md border border-stone-300 bg-white p-4 sm:p-5"
      >
        <h2 id="event-status-title" className="font-serif text-lg font-bold text-brand-800">
          {cancelled ? m.restore.button : m.cancel.title}
        </h2>
        {cancelled ? (
          <form action={restoreEventAction} className="mt-3">
            <input type="hidden" name="id" value={event.id} />
            <button type="submit" className={buttonClass.secondary}>
              {m.restore.button}
            </button>
          </form>
        ) : (
          <form action={cancelEventAction} className="mt-2 space-y-3">
            <p className="text-sm text-muted">{m.cancel.hint}</p>
            <input type="hidden" name="id" value={event.id} />
            <div>
              <label htmlFor="cancel-reason" className="font-medium">
                {m.cancel.reason}
                <span className="text-sm font-normal text-muted">
                  {cmsMessages.common.optional}
                </span>
              </label>
              <input
                id="cancel-reason"
                name="reason"
                type="text"
                maxLength={200}
                className="mt-1 block w-full max-w-xl rounded-md border border-stone-500 bg-white px-3 py-2"
              />
            </div>
            <button type="submit" className={buttonClass.danger}>
              {m.cancel.confirm}
            </button>
          </form>
        )}
      </section>
    </div>
  );
}
