import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { ui } from "@/components/admin/ui";
import { parseYear } from "@/components/admin/year";
import { YearPicker } from "@/components/admin/year-picker";
import { listProposals } from "@/db/queries/proposals";
import { listResearchYears } from "@/db/queries/research";
import { adminMessages } from "@/lib/messages/admin";
import { committeeToday, requireStaff, staffPageTitle } from "../../staff";

export const generateMetadata = staffPageTitle(adminMessages.proposals.title);

const m = adminMessages.proposals;

/** 提案与大会发言 of a year, with the topics and notes they came from. */
export default async function ProposalsPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string | string[] }>;
}) {
  const [params, today] = await Promise.all([searchParams, committeeToday()]);
  const year = parseYear(params.year, today.year);
  await requireStaff("proposal.manage", `/admin/proposals?year=${year}`);
  const [rows, years] = await Promise.all([listProposals(year), listResearchYears(today.year)]);
  return (
    <>
      <PageHeader
        title={m.title}
        intro={m.intro}
        actions={
          <Link href={`/admin/proposals/new?year=${year}`} className={ui.primary}>
            {m.create}
          </Link>
        }
      />
      <YearPicker
        action="/admin/proposals"
        year={year}
        years={years}
        label={m.year}
        submit={adminMessages.research.show}
      />
      {rows.length === 0 ? (
        <p className={`${ui.card} text-muted`}>{m.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-stone-200 bg-white">
          <table className={ui.table}>
            <caption className="sr-only">{m.title}</caption>
            <thead>
              <tr>
                <th scope="col" className={ui.th}>
                  {m.name}
                </th>
                <th scope="col" className={ui.th}>
                  {m.kind}
                </th>
                <th scope="col" className={`${ui.th} hidden md:table-cell`}>
                  {m.researchTopic}
                </th>
                <th scope="col" className={`${ui.th} text-right`}>
                  {m.notes}
                </th>
                <th scope="col" className={`${ui.th} hidden text-right sm:table-cell`}>
                  {m.members}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <td className={ui.td}>
                    <Link href={`/admin/proposals/${p.id}`} className={ui.link}>
                      {p.title}
                    </Link>
                    {p.number && <span className="ml-2 text-sm text-muted">{p.number}</span>}
                  </td>
                  <td className={`${ui.td} whitespace-nowrap`}>
                    {adminMessages.proposalKinds[p.kind]}
                  </td>
                  <td className={`${ui.td} hidden md:table-cell`}>{p.researchTopicTitle ?? "—"}</td>
                  <td className={`${ui.td} text-right tabular-nums`}>{p.noteCount}</td>
                  <td className={`${ui.td} hidden text-right tabular-nums sm:table-cell`}>
                    {p.memberCount}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
