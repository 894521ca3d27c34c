import { buttonClass } from "@/components/admin/kit/fields";
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
    <section
      aria-labelledby="unpublish-title"
      className="mt-8 rounded-md border border-stone-300 bg-white p-4"
    >
      <h2 id="unpublish-title" className="font-semibold">
        {m.unpublish}
      </h2>
      <p className="mt-1 text-sm text-muted">{m.unpublishHint}</p>
      <form action={action} className="mt-3">
        <input type="hidden" name="id" value={articleId} />
        <button type="submit" className={buttonClass.danger}>
          {m.unpublish}
        </button>
      </form>
    </section>
  );
}
