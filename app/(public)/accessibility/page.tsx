import type { Metadata } from "next";
import { StatementPage } from "@/app/_components/statement-page";
import { accessibilityStatement as s } from "@/lib/messages/statements";

export const metadata: Metadata = { title: s.title };

/** 无障碍声明: the standard followed, what the site does, known gaps, feedback. */
export default function AccessibilityPage() {
  return <StatementPage statement={s} />;
}
