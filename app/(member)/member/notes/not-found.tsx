import Link from "next/link";
import { messages } from "@/lib/messages";
import { notesMessages as m } from "@/lib/messages/notes";

/** Inside the member area's <main>: a note that does not exist, or is not this member's. */
export default function NoteNotFound() {
  return (
    <div className="mx-auto flex min-h-[50vh] max-w-xl flex-col items-center justify-center px-4 text-center">
      <p className="font-serif text-6xl font-bold text-brand-700">404</p>
      <h1 className="mt-4 text-2xl font-bold">{m.errors.notFoundTitle}</h1>
      <p className="mt-2 text-muted">{messages.errors.notFoundBody}</p>
      <Link
        href="/member/notes"
        className="mt-6 rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800"
      >
        {m.view.back}
      </Link>
    </div>
  );
}
