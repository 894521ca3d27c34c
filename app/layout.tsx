import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { getCommitteeInfo } from "@/db/queries/settings";
import { messages } from "@/lib/messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const committee = await getCommitteeInfo();
  return {
    title: {
      default: `${committee.shortName} · ${messages.site.product}`,
      template: `%s · ${committee.shortName}`,
    },
    description: `${committee.name}${messages.site.tagline}：新闻、活动日历、界别与委员工作室。`,
    applicationName: messages.site.product,
  };
}

export const viewport: Viewport = { themeColor: "#9a121a", width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
