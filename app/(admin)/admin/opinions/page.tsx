import type { Metadata } from "next";
import { buttonClass } from "@/components/admin/content/fields";
import { compactDateTime } from "@/components/admin/content/format";
import {
  AdminPageHeader,
  Badge,
  LinkTabs,
  Notice,
  Pager,
  pageParam,
  queryString,
  TableFrame,
  tableClass,
} from "@/components/admin/content/page-parts";
import { requireStaff } from "@/components/admin/content/staff";
import {
  listOpinionsForModeration,
  listTopicsForModeration,
  MODERATION_PAGE_SIZE,
  type ModerationFilter,
} from "@/db/queries/opinions";
import { getCommitteeInfo } from "@/db/queries/settings";
import { cmsMessages } from "@/lib/messages/cms";
import { moderateOpinionsAction } from "./actions";

const m = cmsMessages.opinions;
const filters: ModerationFilter[] = ["pending", "approved", "rejected", "all"];

export const metadata: Metadata = { title: m.adminTitle, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminOpinionsPage({ searchParams }: Props) {
  await requireStaff("opinion.moderate", { roles: ["admin"], next: "/admin/opinions" });
  const params = await searchParams;
  const status = filters.find((f) => f === params.status) ?? "pending";
  const topicRaw =
    typeof params.topic === "string" && /^[1-9]\d{0,8}$/.test(params.topic)
      ? Number(params.topic)
      : null;
  const page = pageParam(params.page);
  const [{ rows, total }, topics, committee] = await Promise.all([
    listOpinionsForModeration({ status, topicId: topicRaw, page }),
    listTopicsForModeration(),
    getCommitteeInfo(),
  ]);
  const tz = committee.timeZone;
  const topicId = topics.some((t) => t.id === topicRaw) ? topicRaw : null;
  const pages = Math.max(1, Math.ceil(total / MODERATION_PAGE_SIZE));
  const link = (over: Record<string, string | number | null>) =>
    `/admin/opinions${queryString({ status: status === "pending" ? null : status, topic: topicId, page, ...over })}`;
  const n = typeof params.n === "string" ? Number(params.n) || 0 : 0;
  const done =
    params.done === "approved" ? m.approved(n) : params.done === "rejected" ? m.rejected(n) : null;
  const error =
    params.error === "none"
      ? m.selectSome
      : typeof params.error === "string" && params.error in cmsMessages.errors
        ? String(cmsMessages.errors[params.error as keyof typeof cmsMessages.errors])
        : null;

  return (
    <div>
      <AdminPageHeader title={m.adminTitle} intro={m.adminIntro} />
      <Notice>{done}</Notice>
      {error && <Notice tone="error">{error}</Notice>}
      <LinkTabs
        label={m.table.caption}
        items={filters.map((f) => ({
          href: link({ status: f === "pending" ? null : f, page: null }),
          label: m.statusFilter[f],
          current: f === status,
        }))}
      />
      <form
        method="get"
        action="/admin/opinions"
        className="mb-4 flex flex-wrap items-end gap-3"
        aria-label={m.topicFilter}
      >
        {status !== "pending" && <input type="hidden" name="status" value={status} />}
        <div>
          <label htmlFor="opinions-topic" className="block text-sm font-medium">
            {m.topicFilter}
          </label>
          <select
            id="opinions-topic"
            name="topic"
            defaultValue={topicId === null ? "" : String(topicId)}
            className="mt-1 rounded-md border border-stone-500 bg-white px-2 py-1.5"
          >
            <option value="">{m.allTopics}</option>
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass.quiet}>
          {cmsMessages.common.filter}
        </button>
        <p className="ml-auto text-sm text-muted">{cmsMessages.common.count(total)}</p>
      </form>

      {rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-400 p-6 text-center text-muted">
          {m.empty}
        </p>
      ) : (
        <form action={moderateOpinionsAction}>
          <input type="hidden" name="back" value={link({})} />
          <fieldset className="mb-3 flex flex-wrap items-center gap-2">
            <legend className="sr-only">{m.bulk}</legend>
            <button
              type="submit"
              name="decision"
              value="approved"
              className={buttonClass.secondary}
            >
              {m.approve}
            </button>
            <button type="submit" name="decision" value="rejected" className={buttonClass.quiet}>
              {m.reject}
            </button>
          </fieldset>
          <TableFrame label={m.table.caption}>
            <table className={tableClass.table}>
              <caption className={tableClass.caption}>{m.table.caption}</caption>
              <thead>
                <tr>
                  <th scope="col" className={tableClass.th}>
                    <span className="sr-only">{m.table.select}</span>
                  </th>
                  <th scope="col" className={tableClass.th}>
                    {m.table.body}
                  </th>
                  <th scope="col" className={tableClass.th}>
                    {m.table.topic}
                  </th>
                  <th scope="col" className={tableClass.th}>
                    {m.table.name}
                  </th>
                  <th scope="col" className={tableClass.th}>
                    {m.table.contact}
                  </th>
                  <th scope="col" className={tableClass.th}>
                    {m.table.submittedAt}
                  </th>
                  <th scope="col" className={tableClass.th}>
                    {m.table.status}
                  </th>
                  <th scope="col" className={tableClass.th}>
                    {cmsMessages.common.actions}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((o) => (
                  <tr key={o.id}>
                    <td className={tableClass.td}>
                      <input
                        type="checkbox"
                        name="ids"
                        value={o.id}
                        aria-label={m.table.selectOne(o.id)}
                        className="size-4 accent-brand-700"
                      />
                    </td>
                    <td className={`${tableClass.td} max-w-md whitespace-pre-line`}>{o.body}</td>
                    <td className={`${tableClass.td} whitespace-nowrap`}>{o.topicName}</td>
                    <td className={`${tableClass.td} whitespace-nowrap`}>{o.name}</td>
                    <td className={`${tableClass.td} text-sm`}>{o.contact}</td>
                    <td className={`${tableClass.td} whitespace-nowrap text-sm`}>
                      {compactDateTime(o.createdAt, tz)}
                    </td>
                    <td className={tableClass.td}>
                      <Badge
                        tone={
                          o.status === "approved"
                            ? "good"
                            : o.status === "rejected"
                              ? "neutral"
                              : "warn"
                        }
                      >
                        {m.status[o.status]}
                      </Badge>
                      {o.moderatedAt && o.moderatorName && (
                        <p className="mt-1 text-xs text-muted">
                          {m.moderatedBy(o.moderatorName, compactDateTime(o.moderatedAt, tz))}
                        </p>
                      )}
                    </td>
                    <td className={tableClass.td}>
                      <div className="flex flex-col gap-1">
                        {o.status !== "approved" && (
                          <button
                            type="submit"
                            name="decision"
                            value={`approved:${o.id}`}
                            className={buttonClass.quiet}
                            aria-label={`${m.approveOne}（${m.table.selectOne(o.id)}）`}
                          >
                            {m.approveOne}
                          </button>
                        )}
                        {o.status !== "rejected" && (
                          <button
                            type="submit"
                            name="decision"
                            value={`rejected:${o.id}`}
                            className={buttonClass.quiet}
                            aria-label={`${m.rejectOne}（${m.table.selectOne(o.id)}）`}
                          >
                            {m.rejectOne}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        </form>
      )}
      <Pager page={page} pages={pages} href={(p) => link({ page: p })} />
    </div>
  );
}
