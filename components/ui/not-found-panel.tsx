import Link from "next/link";
import { messages } from "@/lib/messages";

/**
 * "404 页面不存在" with one way on. Inside a group layout's main landmark by default;
 * `as="main"` where no layout gives one (the root). `title`/`back` for a more precise
 * word ("走访记录不存在", back to the list).
 */
export function NotFoundPanel({
  title = messages.errors.notFoundTitle,
  back = { href: "/", label: messages.errors.backHome },
  as: Tag = "div",
}: {
  title?: string;
  back?: { href: string; label: string };
  as?: "div" | "main";
}) {
  return (
    <Tag className="mx-auto flex min-h-[50vh] max-w-xl flex-col items-center justify-center px-4 text-center">
      <p className="font-serif text-6xl font-bold text-brand-700">404</p>
      <h1 className="mt-4 text-2xl font-bold">{title}</h1>
      <p className="mt-2 text-muted">{messages.errors.notFoundBody}</p>
      <Link
        href={back.href}
        className="mt-6 rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800"
      >
        {back.label}
      </Link>
    </Tag>
  );
}

/** `not-found.tsx` of a route group. */
export function GroupNotFoundPage() {
  return <NotFoundPanel />;
}

/** `app/not-found.tsx`: outside every group layout. */
export function RootNotFoundPage() {
  return <NotFoundPanel as="main" />;
}
