import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { ui } from "@/components/admin/ui";
import { parseYear } from "@/components/admin/year";
import { YearPicker } from "@/components/admin/year-picker";
import { listDutySummaries } from "@/db/queries/duty";
import { adminMessages } from "@/lib/messages/admin";
import { committeeToday, requireStaff, staffPageTitle } from "../../staff";

export const generateMetadata = staffPageTitle(adminMessages.duty.title);

const m = adminMessages.duty;

/** 履职档案: every member's figures for a year; each opens the printable record. */
export default async function DutyListPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string | string[] }>;
}) {
  const [params, today] = await Promise.all([searchParams, committeeToday()]);
  const year = parseYear(params.year, today.year);
  await requireStaff("duty.list", `/admin/duty?year=${year}`);
  const rows = await listDutySummaries(year, today.timeZone);
  const years = Array.from({ length: 5 }, (_, i) => today.year - i);
  const columns = [m.events, m.notesFiled, m.notesAdopted, m.topics, m.proposals];
  return (
    <>
      <PageHeader title={m.title} intro={m.intro} />
      <YearPicker action="/admin/duty" year={year} years={years} label={m.year} submit={m.show} />
      {rows.length === 0 ? (
        <p className={`${ui.card} text-muted`}>{m.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-stone-200 bg-white">
          <table className={ui.table}>
            <caption className="sr-only">
              {m.title} {year}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={ui.th}>
                  {m.member}
                </th>
                <th scope="col" className={`${ui.th} hidden sm:table-cell`}>
                  {m.sector}
                </th>
                {columns.map((c) => (
                  <th key={c} scope="col" className={`${ui.th} text-right`}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className={`${ui.td} font-normal`}>
                    <Link
                      href={`/admin/duty/${r.id}?year=${year}`}
                      className={ui.link}
                      aria-label={m.open(r.name)}
                    >
                      {r.name}
                    </Link>
                  </th>
                  <td className={`${ui.td} hidden sm:table-cell`}>{r.sectorName ?? "—"}</td>
                  {[r.events, r.notesFiled, r.notesAdopted, r.topics, r.proposals].map((n, i) => (
                    <td key={columns[i]} className={`${ui.td} text-right tabular-nums`}>
                      {n}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
