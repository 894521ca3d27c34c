import Link from "next/link";
import { messages } from "@/lib/messages";

export default function NotFound() {
  const m = messages.errors;
  return (
    <div className="mx-auto flex min-h-[60vh] max-w-xl flex-col items-center justify-center px-4 text-center">
      <p className="font-serif text-6xl font-bold text-brand-700">404</p>
      <h1 className="mt-4 text-2xl font-bold">{m.notFoundTitle}</h1>
      <p className="mt-2 text-muted">{m.notFoundBody}</p>
      <Link href="/" className="mt-6 rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
        {m.backHome}
      </Link>
    </div>
  );
}
