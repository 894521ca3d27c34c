import { NotFoundPanel } from "@/components/ui/not-found-panel";
import { notesMessages as m } from "@/lib/messages/notes";

/** Inside the member area's <main>: a note that does not exist, or is not this member's. */
export default function NoteNotFound() {
  return (
    <NotFoundPanel
      title={m.errors.notFoundTitle}
      back={{ href: "/member/notes", label: m.view.back }}
    />
  );
}
