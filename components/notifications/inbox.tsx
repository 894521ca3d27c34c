import type { InboxItem, InboxPage } from "@/db/queries/notifications/inbox";
import { inboxMessages as m } from "@/lib/messages/notifications";
import { formatDateTime } from "@/lib/time";
import { PageHeader } from "../ui/page-header";
import { Pager } from "../ui/pager";

type FormAction = (formData: FormData) => Promise<void>;

export interface InboxActions {
  /** Marks the message read and goes to what it is about. */
  open: FormAction;
  markRead: FormAction;
  markAllRead: FormAction;
}

/**
 * The message centre (站内信): the user's notifications, newest first, each with its
 * time, read state and the way to what changed. Plain forms: works without JavaScript.
 * Opening goes through the server, which marks the message read and then follows its link.
 */
export function Inbox({
  inbox,
  actions,
  listHref,
  timeZone,
  intro,
  notice,
}: {
  inbox: InboxPage;
  actions: InboxActions;
  /** The page itself, for the pager. */
  listHref: string;
  timeZone: string;
  /** What this centre is for (members and staff are told of different things). */
  intro: string;
  /** A line after a mark-all or a missing message. */
  notice?: string | null;
}) {
  return (
    <div className="space-y-5">
      <PageHeader
        title={m.title}
        actions={
          inbox.unread > 0 ? (
            <form action={actions.markAllRead}>
              <button
                type="submit"
                className="rounded border border-brand-700 bg-white px-4 py-2 font-medium text-brand-800 hover:bg-brand-50"
              >
                {m.markAllRead}
              </button>
            </form>
          ) : null
        }
      >
        <p className="mt-2 max-w-3xl text-muted">{intro}</p>
        <p className="mt-1 text-muted">{m.summary(inbox.total, inbox.unread)}</p>
      </PageHeader>
      {notice ? (
        <p role="status" className="rounded border border-stone-300 bg-white px-4 py-3">
          {notice}
        </p>
      ) : null}
      {inbox.items.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 bg-white p-5 text-muted">
          {m.empty}
        </p>
      ) : (
        <ul className="space-y-3">
          {inbox.items.map((item) => (
            <InboxEntry key={item.id} item={item} actions={actions} timeZone={timeZone} />
          ))}
        </ul>
      )}
      <Pager
        page={inbox.page}
        pages={inbox.pages}
        hrefFor={(page) => (page === 1 ? listHref : `${listHref}?page=${page}`)}
        labels={{ label: m.pager, previous: m.previous, next: m.next, status: m.page }}
      />
    </div>
  );
}

function InboxEntry({
  item,
  actions,
  timeZone,
}: {
  item: InboxItem;
  actions: InboxActions;
  timeZone: string;
}) {
  const unread = item.readAt === null;
  const headingId = `message-${item.id}`;
  return (
    <li
      aria-labelledby={headingId}
      className={`rounded-md border bg-white p-4 sm:p-5 ${
        unread ? "border-brand-600 border-l-4" : "border-stone-200"
      }`}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span
          className={`rounded px-2 py-0.5 font-medium ${
            unread ? "bg-brand-700 text-white" : "bg-stone-100 text-stone-700"
          }`}
        >
          {unread ? m.unread : m.read}
        </span>
        <span className="text-muted">
          <span className="sr-only">{m.receivedAt}：</span>
          <time dateTime={item.createdAt.toISOString()}>
            {formatDateTime(item.createdAt, timeZone)}
          </time>
        </span>
      </div>
      <h2
        id={headingId}
        className={`mt-2 text-lg leading-snug ${unread ? "font-bold text-ink" : "font-medium text-stone-800"}`}
      >
        {item.title}
      </h2>
      {item.body ? (
        <p className="mt-1 whitespace-pre-line break-words text-stone-800">{item.body}</p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-3">
        {item.link ? (
          <form action={actions.open}>
            <input type="hidden" name="id" value={item.id} />
            <button
              type="submit"
              className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
            >
              {m.open}
              <span className="sr-only">：{item.title}</span>
            </button>
          </form>
        ) : null}
        {unread ? (
          <form action={actions.markRead}>
            <input type="hidden" name="id" value={item.id} />
            <button
              type="submit"
              className="rounded border border-stone-400 bg-white px-4 py-2 text-ink hover:bg-stone-100"
            >
              {m.markRead}
              <span className="sr-only">：{item.title}</span>
            </button>
          </form>
        ) : null}
      </div>
    </li>
  );
}
