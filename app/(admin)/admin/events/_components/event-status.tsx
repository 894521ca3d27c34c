import { buttonClass, Panel } from "@/components/admin/kit";
import { cmsMessages } from "@/lib/messages/cms";
import { cancelEventAction, restoreEventAction } from "../actions";

const m = cmsMessages.events;

/** Call the event off (with a reason for the audit log), or put a cancelled one back on. */
export function EventStatusForm({ id, cancelled }: { id: number; cancelled: boolean }) {
  return (
    <Panel
      id="event-status-title"
      title={cancelled ? m.restore.button : m.cancel.title}
      className="mt-8"
    >
      {cancelled ? (
        <form action={restoreEventAction} className="mt-3">
          <input type="hidden" name="id" value={id} />
          <button type="submit" className={buttonClass.secondary}>
            {m.restore.button}
          </button>
        </form>
      ) : (
        <form action={cancelEventAction} className="mt-2 space-y-3">
          <p className="text-sm text-muted">{m.cancel.hint}</p>
          <input type="hidden" name="id" value={id} />
          <div>
            <label htmlFor="cancel-reason" className="font-medium">
              {m.cancel.reason}
              <span className="text-sm font-normal text-muted">{cmsMessages.common.optional}</span>
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
    </Panel>
  );
}
