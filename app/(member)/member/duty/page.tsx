import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DutyRecordView } from "@/components/admin/duty-record";
import { parseYear } from "@/components/admin/year";
import { YearPicker } from "@/components/admin/year-picker";
import { getDutyRecord } from "@/db/queries/pipeline/duty";
import { getCommitteeInfo } from "@/db/queries/settings";
import { adminMessages } from "@/lib/messages/admin";
import { checkinMessages } from "@/lib/messages/checkin";
import { can } from "@/lib/permissions";
import { localParts } from "@/lib/time";
import { requireUser } from "@/server/auth/session";

export const metadata: Metadata = { title: adminMessages.duty.title };

const m = adminMessages.duty;

/** 我的履职档案: the signed-in member's own record for a year, printable. */
export default async function MyDutyPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string | string[] }>;
}) {
  const [query, committee] = await Promise.all([searchParams, getCommitteeInfo()]);
  const now = new Date();
  const thisYear = localParts(now, committee.timeZone).year;
  const year = parseYear(query.year, thisYear);
  const user = await requireUser({ roles: ["member"], next: `/member/duty?year=${year}` });
  if (!can(user, "duty.view", { kind: "member", userId: user.id })) notFound();
  const record = await getDutyRecord(user.id, year, committee.timeZone);
  if (!record) notFound();
  const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
  return (
    <>
      <YearPicker action="/member/duty" year={year} years={years} label={m.year} submit={m.show} />
      {/* A page load: the camera is allowed on the scanner's own document only. */}
      <p className="mb-4 print:hidden">
        <a href="/member/checkin/scan" className="font-medium text-brand-700 underline">
          {checkinMessages.member.scanLink}
        </a>
      </p>
      <DutyRecordView
        record={record}
        title={m.myTitle(year)}
        timeZone={committee.timeZone}
        today={now}
      />
    </>
  );
}
