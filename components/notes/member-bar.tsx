import { notesMessages as m } from "@/lib/messages/notes";
import { inboxMessages } from "@/lib/messages/notifications";
import { type MemberNavItem, MemberNavLinks } from "./member-nav";

/** Below the site header (which names who is signed in): the member area's sections. */
export function MemberBar({ filesNotes }: { filesNotes: boolean }) {
  const items: MemberNavItem[] = [
    { href: "/member", label: m.area.dashboard },
    ...(filesNotes
      ? [
          { href: "/member/notes", label: m.area.notes },
          { href: "/member/notes/new", label: m.area.newNote },
          { href: "/member/duty", label: m.area.duty },
          { href: "/member/messages", label: inboxMessages.title },
        ]
      : []),
    { href: "/member/profile", label: m.area.profile },
  ];
  return (
    <div className="border-b border-stone-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl px-2 sm:px-4">
        <MemberNavLinks items={items} />
      </div>
    </div>
  );
}
