import type { Metadata } from "next";
import { StatementPage } from "@/app/_components/statement-page";
import { privacyStatement as s } from "@/lib/messages/statements";

export const metadata: Metadata = { title: s.title };

/** 隐私声明: what the site stores about people, how long, who sees it. */
export default function PrivacyPage() {
  return <StatementPage statement={s} />;
}
