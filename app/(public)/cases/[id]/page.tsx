import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { CaseDetail } from "@/components/cases/case-detail";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getPublishedCase } from "@/db/queries/cases/public";
import { getCommitteeInfo } from "@/db/queries/settings";
import { env } from "@/lib/env";
import { cmsMessages } from "@/lib/messages/cms";
import { renderRichText } from "@/lib/rich-text/sanitize";

const m = cmsMessages.cases;

type Props = { params: Promise<{ id: string }> };

const load = cache(async (raw: string) =>
  /^[1-9]\d{0,8}$/.test(raw) ? getPublishedCase(Number(raw)) : null,
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const item = await load((await params).id);
  return item ? { title: item.title, description: item.summary.slice(0, 120) } : {};
}

/** /cases/[id]: one published, anonymised case (a 404 for anything else). */
export default async function CasePage({ params }: Props) {
  await connection();
  const [item, committee] = await Promise.all([load((await params).id), getCommitteeInfo()]);
  if (!item) notFound();
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <Breadcrumbs trail={[{ label: m.title, href: "/cases" }, { label: item.title }]} />
      <CaseDetail
        item={item}
        outcomeHtml={renderRichText(item.outcome, { siteUrl: env.SITE_URL })}
        timeZone={committee.timeZone}
      />
      <p>
        <Link href="/cases" className="text-brand-700 hover:underline">
          <span aria-hidden="true">‹ </span>
          {m.backToList}
        </Link>
      </p>
    </div>
  );
}
