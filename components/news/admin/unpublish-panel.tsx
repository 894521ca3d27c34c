import { buttonClass, Panel } from "@/components/admin/kit";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.news;

/** The editor's side panel that takes a published article off the site (a plain form post). */
export function UnpublishPanel({
  articleId,
  action,
}: {
  articleId: number;
  action: (formData: FormData) => Promise<void>;
}) {
  return (
    <Panel id="unpublish-title" title={m.unpublish} className="mt-8">
      <p className="mt-1 text-sm text-muted">{m.unpublishHint}</p>
      <form action={action} className="mt-3">
        <input type="hidden" name="id" value={articleId} />
        <button type="submit" className={buttonClass.danger}>
          {m.unpublish}
        </button>
      </form>
    </Panel>
  );
}
