import { messages } from "@/lib/messages";

const m = messages.search;

/** The search box: a plain GET form, so it works without JavaScript. */
export function SearchForm({
  value,
  maxLength,
  error,
}: {
  value: string;
  maxLength: number;
  error?: string;
}) {
  const describedBy = error ? "search-hint search-error" : "search-hint";
  return (
    <search>
      <form action="/search" method="get" className="space-y-2">
        <label htmlFor="search-q" className="block font-medium text-ink">
          {m.label}
        </label>
        <div className="flex gap-2">
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={value}
            placeholder={m.placeholder}
            enterKeyHint="search"
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            className={`min-w-0 flex-1 rounded-sm border bg-white px-3 py-2 text-base text-ink placeholder:text-stone-500 focus:border-brand-600 ${
              error ? "border-brand-600" : "border-stone-400"
            }`}
          />
          <button
            type="submit"
            className="shrink-0 rounded-sm bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800"
          >
            {m.submit}
          </button>
        </div>
        {error && (
          <p id="search-error" className="font-medium text-brand-700">
            {error}
          </p>
        )}
        <p id="search-hint" className="text-sm text-muted">
          {m.hint(maxLength)}
        </p>
      </form>
    </search>
  );
}
