import { ListPage } from "@/components/admin/kit";
import { parseYear } from "@/components/admin/year";
import { YearPicker } from "@/components/admin/year-picker";
import { DutyTable } from "@/components/pipeline/pipeline-lists";
import { listDutySummaries } from "@/db/queries/pipeline/duty";
import { adminMessages } from "@/lib/messages/admin";
import { committeeToday, requireStaff, staffPageTitle } from "@/server/action";

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
  return (
    <ListPage
      title={m.title}
      intro={m.intro}
      filters={
        <YearPicker action="/admin/duty" year={year} years={years} label={m.year} submit={m.show} />
      }
    >
      <DutyTable rows={rows} year={year} />
    </ListPage>
  );
}
