import { FilterForm, FilterSelect } from "@/components/admin/kit";
import { cmsMessages } from "@/lib/messages/cms";

const m = cmsMessages.opinions;

/** The moderation list's topic filter, keeping the status tab. */
export function TopicFilter({
  status,
  topics,
  topicId,
  total,
}: {
  status: string | null;
  topics: readonly { id: number; name: string }[];
  topicId: number | null;
  total: number;
}) {
  return (
    <FilterForm
      action="/admin/opinions"
      label={m.topicFilter}
      keep={{ status }}
      count={cmsMessages.common.count(total)}
    >
      <FilterSelect
        id="opinions-topic"
        name="topic"
        label={m.topicFilter}
        value={topicId === null ? "" : String(topicId)}
        allLabel={m.allTopics}
        options={topics.map((t) => ({ value: t.id, label: t.name }))}
      />
    </FilterForm>
  );
}
