import Link from "next/link";
import { notFound } from "next/navigation";
import { DutyRecordView } from "@/components/admin/duty-record";
import { ui } from "@/components/admin/ui";
import { parseYear } from "@/components/admin/year";
import { YearPicker } from "@/components/admin/year-picker";
import { getDutyRecord } from "@/db/queries/pipeline/duty";
import { adminMessages } from "@/lib/messages/admin";
import { can } from "@/lib/permissions";
import { committeeToday, requireStaff, staffPageTitle } from "@/server/action";

export const generateMetadata = staffPageTitle(adminMessages.duty.title);

const m = adminMessages.duty;

/** One member's printable duty record for a year. */
export default async function MemberDutyPage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string }>;
  searchParams: Promise<{ year?: string | string[] }>;
}) {
  const [{ userId }, query, today] = await Promise.all([params, searchParams, committeeToday()]);
  if (!/^\d{1,9}$/.test(userId)) notFound();
  const year = parseYear(query.year, today.year);
  const memberId = Number(userId);
  const user = await requireStaff("duty.list", `/admin/duty/${memberId}?year=${year}`);
  if (!can(user, "duty.view", { kind: "member", userId: memberId })) notFound();
  const record = await getDutyRecord(memberId, year, today.timeZone);
  if (!record) notFound();
  const years = Array.from({ length: 5 }, (_, i) => today.year - i);
  return (
    <>
      <div className="print:hidden">
        <p className="mb-2 text-sm">
          <Link href={`/admin/duty?year=${year}`} className={ui.link}>
            ← {m.back}
          </Link>
        </p>
        <YearPicker
          action={`/admin/duty/${memberId}`}
          year={year}
          years={years}
          label={m.year}
          submit={m.show}
        />
      </div>
      <DutyRecordView
        record={record}
        title={m.recordTitle(record.member.name, year)}
        timeZone={today.timeZone}
        today={new Date()}
      />
    </>
  );
}
