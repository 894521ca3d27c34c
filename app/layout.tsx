import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { getCommitteeInfo } from "@/db/queries/settings";
import { messages } from "@/lib/messages";
import { ELDER_COOKIE } from "@/lib/preferences";
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
    // public/favicon.ico and public/icons/* are drawn by scripts/make-icons.mjs.
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
        { url: "/icons/icon-192.png", type: "image/png", sizes: "192x192" },
      ],
      apple: { url: "/icons/apple-touch-icon.png", sizes: "180x180" },
    },
  };
}

export const viewport: Viewport = { themeColor: "#9a121a", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const elder = (await cookies()).get(ELDER_COOKIE)?.value === "1";
  return (
    <html lang="zh-CN" className={elder ? "elder" : undefined}>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
