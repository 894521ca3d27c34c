import MarkdownIt from "markdown-it";

/**
 * Chinese search without a Chinese parser in PostgreSQL (docs/search.md).
 *
 * Documents and queries are cut the same way, here, in the application, so both
 * database drivers see identical lexemes:
 * - a run of Han (and kana/hangul) characters gives its overlapping character
 *   bigrams, plus its last character alone ("托育点" → 托育, 育点, 点); a bigram
 *   is in the index exactly when those two characters are adjacent in the text,
 *   so every two-character word is found whatever a dictionary would have made
 *   of its neighbours (托育 in 普惠托育点, 集市 in 共富集市);
 * - a run of other letters and digits gives one lower-cased word ("ai", "2026").
 * A query term of three or more characters becomes the AND of its bigrams and is
 * then checked as a substring (title or body), so 托育服务 never matches 托育 … 服务.
 */

/** Longest accepted query, in characters (after normalisation). */
export const MAX_QUERY_LENGTH = 50;
/** Terms beyond this many are ignored (a 50-character query rarely has more). */
const MAX_TERMS = 10;
/** Longer letter/digit runs are cut (PostgreSQL refuses lexemes over 2 KB). */
const MAX_WORD_LENGTH = 64;

const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
/** A term: a maximal run of letters, digits and combining marks. */
const TERM_RE = /[\p{L}\p{N}\p{M}]+/gu;
/** Inside a term: CJK runs, and runs of everything else. */
const RUN_RE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]+/gu;

// ---------------------------------------------------------------------------------------
// Normalisation

/** Full-width ASCII letters and digits (ＡＩ２０２６) become half-width; punctuation is kept. */
export function foldFullWidthAlnum(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** All full-width ASCII (letters, digits, punctuation) and the ideographic space become half-width. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

export type QueryProblem = "empty" | "tooLong";

export interface NormalizedQuery {
  /** Trimmed, half-width, single-spaced. */
  text: string;
  problem: QueryProblem | null;
}

/** The `q` parameter as typed → the text to search, or why it cannot be searched. */
export function normalizeQuery(raw: string | string[] | undefined | null): NormalizedQuery {
  const value = Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? "");
  const text = toHalfWidth(value.normalize("NFC")).replace(/\s+/gu, " ").trim();
  if (text === "") return { text, problem: "empty" };
  if (Array.from(text).length > MAX_QUERY_LENGTH) return { text, problem: "tooLong" };
  return { text, problem: null };
}

// ---------------------------------------------------------------------------------------
// Terms and lexemes

/**
 * The terms of a (normalised) query: runs of letters and digits, lower-cased, without
 * duplicates. Everything else (spaces, punctuation, tsquery or SQL syntax) separates terms.
 */
export function queryTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of foldFullWidthAlnum(text).matchAll(TERM_RE)) {
    const term = match[0].toLowerCase();
    if (!terms.includes(term)) terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

const isCjkRun = (run: string) => CJK.test(run);

/** The lexemes of one run, in text order (bigrams, then the closing unigram). */
function runLexemes(run: string): string[] {
  if (!isCjkRun(run)) return [Array.from(run).slice(0, MAX_WORD_LENGTH).join("").toLowerCase()];
  const chars = Array.from(run);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  out.push(chars[chars.length - 1] ?? "");
  return out;
}

/** Lexemes of a text in order: what the index stores for it. */
export function textLexemes(text: string): string[] {
  const out: string[] = [];
  for (const term of foldFullWidthAlnum(text).matchAll(TERM_RE)) {
    for (const run of term[0].matchAll(RUN_RE)) out.push(...runLexemes(run[0]));
  }
  return out;
}

/** Quotes a lexeme for tsvector/tsquery input (lexemes hold letters and digits only; belt and braces). */
function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/**
 * The tsvector of a document as PostgreSQL input text: its distinct lexemes, without
 * positions or weights (the query never reads the vector back: the GIN index decides
 * membership, titles are ranked by a substring test). Cast it with `::tsvector`;
 * PostgreSQL's parser is never involved, so PGlite and PostgreSQL store the same vector.
 */
export function buildDocumentVector(title: string, body: string): string {
  const lexemes = new Set(textLexemes(title));
  for (const lexeme of textLexemes(body)) lexemes.add(lexeme);
  return Array.from(lexemes, quoteLexeme).join(" ");
}

export interface SearchPlan {
  /** The query's terms (lower-cased); every one must occur in the title or the body. */
  terms: string[];
  /** tsquery input text (cast with `::tsquery`), or null when the query has no terms. */
  tsquery: string | null;
  /**
   * Terms the index cannot decide alone (three or more CJK characters, or CJK mixed with
   * letters): they are checked as substrings of the title or body.
   */
  substringTerms: string[];
}

/** One term as a tsquery: the AND of its runs' lexemes; single characters and words match as prefixes. */
function termQuery(term: string): { query: string; exact: boolean } {
  const runs = Array.from(term.matchAll(RUN_RE), (m) => m[0]);
  const parts: string[] = [];
  let exact = runs.length === 1;
  for (const run of runs) {
    if (!isCjkRun(run)) {
      // Words match as prefixes: "hel" finds "hello" (the substring check agrees).
      parts.push(`${quoteLexeme(runLexemes(run)[0] ?? run)}:*`);
      continue;
    }
    const chars = Array.from(run);
    if (chars.length === 1) {
      // One character: every bigram that starts with it, or the closing unigram.
      parts.push(`${quoteLexeme(run)}:*`);
      continue;
    }
    if (chars.length > 2) exact = false;
    for (let i = 0; i + 1 < chars.length; i++)
      parts.push(quoteLexeme(`${chars[i]}${chars[i + 1]}`));
  }
  const unique = Array.from(new Set(parts));
  return { query: unique.length > 1 ? `( ${unique.join(" & ")} )` : (unique[0] ?? ""), exact };
}

/** The database's part of a search: candidate tsquery and the terms to verify as substrings. */
export function planSearch(text: string): SearchPlan {
  const terms = queryTerms(text);
  if (terms.length === 0) return { terms, tsquery: null, substringTerms: [] };
  const queries = terms.map((term) => ({ term, ...termQuery(term) }));
  return {
    terms,
    tsquery: queries.map((q) => q.query).join(" & "),
    substringTerms: queries.filter((q) => !q.exact).map((q) => q.term),
  };
}

/** A LIKE/ILIKE pattern finding `term` anywhere (backslash, % and _ escaped). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---------------------------------------------------------------------------------------
// Markdown → plain text

const markdown = new MarkdownIt({ html: false, linkify: false });

type MdToken = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

function inlineText(children: MdToken[] | null): string {
  let out = "";
  for (const child of children ?? []) {
    if (child.type === "text" || child.type === "code_inline") out += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") out += "\n";
    else if (child.type === "image") out += inlineText(child.children);
  }
  return out;
}

/** The words of a Markdown body without its markup: one paragraph, heading or item per line. */
export function markdownToPlainText(source: string): string {
  const lines: string[] = [];
  for (const token of markdown.parse(source, {})) {
    if (token.type === "inline") lines.push(inlineText(token.children));
    else if (token.type === "fence" || token.type === "code_block") lines.push(token.content);
  }
  return lines
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** Plain text as stored in the index: full-width letters folded, blank lines squeezed. */
export function normalizeDocumentText(text: string): string {
  return foldFullWidthAlnum(text.normalize("NFC"))
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

// ---------------------------------------------------------------------------------------
// Highlighting and snippets

export interface HighlightSegment {
  text: string;
  match: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** [start, end) ranges of the terms in `text`, case-insensitive, merged when they overlap or touch. */
function matchRanges(text: string, terms: string[]): [number, number][] {
  // Full-width letters fold to one half-width unit each, so indices stay valid.
  const folded = foldFullWidthAlnum(text);
  const found: [number, number][] = [];
  for (const term of terms) {
    if (term === "") continue;
    const re = new RegExp(escapeRegExp(term), "giu");
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      found.push([m.index, m.index + m[0].length]);
      re.lastIndex = m.index + 1; // overlapping occurrences too
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const ranges: [number, number][] = [];
  for (const [start, end] of found) {
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges;
}

/** `text` cut into plain and matching segments, for <mark> without raw HTML. */
export function highlight(text: string, terms: string[]): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, terms)) {
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length || segments.length === 0)
    segments.push({ text: text.slice(at), match: false });
  return segments;
}

const SENTENCE_END = /[。！？；!?;\n]/u;
const CJK_CLOSING = /[。！？；：，、”’）」』》]/u;

/** Moves an index off the second half of a surrogate pair. */
function safeIndex(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

export interface SnippetOptions {
  /** Characters shown at most (default 120). */
  length?: number;
  /** At most this many characters before the first match (default 30). */
  before?: number;
}

/**
 * An excerpt of `text` around the first match of any term, starting at the sentence
 * of the match when that is near; the beginning of the text when nothing matches.
 * "…" marks a cut at either end. Line breaks become spaces (none after Chinese punctuation).
 */
export function extractSnippet(
  text: string,
  terms: string[],
  options: SnippetOptions = {},
): string {
  const length = options.length ?? 120;
  const before = options.before ?? 30;
  // Lines join with a space, or with nothing after Chinese punctuation.
  const flat = text.replace(/[ \t]*\n\s*/g, (_m, offset: number, whole: string) =>
    CJK_CLOSING.test(whole.charAt(offset - 1)) ? "" : " ",
  );
  const first = matchRanges(flat, terms)[0];
  let start = 0;
  if (first && first[0] > before) {
    start = first[0] - before;
    // Prefer the start of the match's sentence when it lies inside the window.
    for (let i = first[0] - 1; i >= start; i--) {
      if (SENTENCE_END.test(flat.charAt(i))) {
        start = i + 1;
        break;
      }
    }
  }
  start = safeIndex(flat, start);
  let end = Math.min(flat.length, start + length);
  end = safeIndex(flat, end);
  const body = flat.slice(start, end).trim();
  return `${start > 0 ? "…" : ""}${body}${end < flat.length ? "…" : ""}`;
}
