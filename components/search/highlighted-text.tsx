import type { HighlightSegment } from "@/lib/search/tokenize";

/** Text with its matching parts in <mark>, built from segments (no raw HTML). */
export function HighlightedText({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are fixed, their order is their identity
          <mark key={i} className="search-hit">
            {segment.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
