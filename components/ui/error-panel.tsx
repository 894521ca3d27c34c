import { errorPanelMessages } from "@/lib/messages/error-panel";

/**
 * What an error boundary shows: the page could not be drawn, try again. Rendered by the
 * route groups' `error.tsx` (client components, which pass Next's `reset`). `as="main"`
 * only where no layout gives the page its main landmark (the root).
 */
export function ErrorPanel({ reset, as: Tag = "div" }: { reset: () => void; as?: "div" | "main" }) {
  const m = errorPanelMessages;
  return (
    <Tag className="mx-auto flex min-h-[50vh] max-w-xl flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-bold">{m.serverTitle}</h1>
      <p className="mt-2 text-muted">{m.serverBody}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800"
      >
        {m.retry}
      </button>
    </Tag>
  );
}

/** Next's error boundary props (the error itself is logged by Next, never shown). */
interface BoundaryProps {
  error: Error & { digest?: string };
  reset: () => void;
}

/** `error.tsx` of a route group: inside the group layout's main landmark. */
export function GroupErrorPage({ reset }: BoundaryProps) {
  return <ErrorPanel reset={reset} />;
}

/** `app/error.tsx`: outside every group layout, so it is the page's main landmark. */
export function RootErrorPage({ reset }: BoundaryProps) {
  return <ErrorPanel reset={reset} as="main" />;
}
