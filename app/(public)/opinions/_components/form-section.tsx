import { Panel } from "@/components/forms/panel";
import type { OpenTopic } from "@/db/queries/opinions/public";
import { cmsMessages } from "@/lib/messages/cms";
import { emptyOpinionValues, OPINION_HONEYPOT } from "@/lib/opinions/schema";
import { OpinionFields } from "./opinion-fields";
import { OpinionForm } from "./opinion-form";

const m = cmsMessages.opinions;

/** The form's panel (first in reading order; wide screens show it on the right). */
export function OpinionFormSection({
  topics,
  chosen,
  submitted,
}: {
  topics: OpenTopic[];
  chosen: OpenTopic | undefined;
  submitted: boolean;
}) {
  const initial = { ...emptyOpinionValues, topicId: chosen ? String(chosen.id) : "" };
  const fields = {
    topics: topics.map((t) => ({ value: String(t.id), label: t.name })),
    honeypotName: OPINION_HONEYPOT,
    text: {
      required: cmsMessages.common.required,
      optional: cmsMessages.common.optional,
      ...m.fields,
      submit: m.submit,
      submitting: m.submitting,
    },
  };
  return (
    <Panel
      sectionId="opinion-form"
      id="opinion-form-title"
      title={m.formTitle}
      className="h-fit rounded-md border-t-4 border-brand-700 bg-white p-4 shadow-sm sm:p-5 lg:col-start-2 lg:row-start-1"
      titleClassName="mb-3 font-serif text-xl font-bold text-brand-800"
    >
      {submitted && (
        <div
          role="status"
          className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-900"
        >
          <p className="font-semibold">{m.submitted}</p>
          <p className="mt-1 text-sm">{m.submittedDetail}</p>
        </div>
      )}
      <OpinionForm initial={initial} {...fields}>
        <OpinionFields state={{ values: initial, fieldErrors: {} }} {...fields} />
      </OpinionForm>
    </Panel>
  );
}
