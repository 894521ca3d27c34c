import Link from "next/link";
import { PrintButton } from "@/components/admin/print-button";
import { ui } from "@/components/admin/ui";
import { parseYear } from "@/components/admin/year";
import { YearPicker } from "@/components/admin/year-picker";
import { Compilation } from "@/components/pipeline/compilation";
import { PageHeader } from "@/components/ui/page-header";
import { getCompilation, listResearchYears } from "@/db/queries/pipeline/research";
import { getCommitteeInfo } from "@/db/queries/settings";
import { adminMessages } from "@/lib/messages/admin";
import { committeeToday, requireStaff, staffPageTitle } from "@/server/action";

export const generateMetadata = staffPageTitle(adminMessages.research.compilation);

const m = adminMessages.research;

/** 汇编: the year's topic reports in their order, ready to print or save as PDF. */
export default async function CompilationPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string | string[] }>;
}) {
  const [params, today] = await Promise.all([searchParams, committeeToday()]);
  const year = parseYear(params.year, today.year);
  await requireStaff("research.manage", `/admin/research/compilation?year=${year}`);
  const [topics, years, committee] = await Promise.all([
    getCompilation(year),
    listResearchYears(today.year),
    getCommitteeInfo(),
  ]);
  return (
    <article>
      <div className="print:hidden">
        <p className="mb-1 text-sm">
          <Link href={`/admin/research?year=${year}`} className={ui.link}>
            ← {m.back}
          </Link>
        </p>
        <YearPicker
          action="/admin/research/compilation"
          year={year}
          years={years}
          label={m.year}
          submit={m.show}
        />
      </div>
      <PageHeader
        title={m.compilationTitle(year)}
        intro={`${committee.name} · ${m.compilationIntro}`}
        actions={<PrintButton label={m.print} hint={m.printHint} />}
      />
      <Compilation topics={topics} />
    </article>
  );
}
