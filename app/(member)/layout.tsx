import type { Metadata } from "next";
import { MemberBar } from "@/components/notes/member-bar";
import { MemberApp } from "@/components/pwa/member-app";
import { mayFileNotes } from "@/lib/notes/access";
import { getCurrentUser } from "@/server/auth/session";
import { SiteShell } from "../_components/site-shell";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * The member area's shell: the site's header and footer around the member's own
 * navigation. It shows who is signed in; each page checks that itself (requireUser).
 * A printed duty record or note is the page's content alone.
 */
export default async function MemberLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <SiteShell bar={<MemberBar filesNotes={mayFileNotes(user)} />} printBare>
      <MemberApp userId={user && mayFileNotes(user) ? user.id : null} />
      {children}
    </SiteShell>
  );
}
