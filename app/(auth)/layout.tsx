import type { Metadata } from "next";
import { SiteShell } from "../_components/site-shell";

// Login steps and invitation links are nobody's search result.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <SiteShell mainClassName="py-8 sm:py-12">{children}</SiteShell>;
}
