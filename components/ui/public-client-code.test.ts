// What the public pages send to the browser as client components, read from the source's
// static imports (the build is not needed): a server component is rendered on the server,
// but every "use client" module it reaches, and everything that module imports, is
// JavaScript each reader downloads. The issue allows a public page 10 kB of it over a
// static Next.js page (docs/performance.md), so catalogues and console code stay out.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm;

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null; // a package
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}.mjs`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`cannot resolve ${spec} from ${from}`);
}

/** `import("./x")`: a module the browser loads only when the code asks for it. */
const LAZY_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(file: string, pattern: RegExp = IMPORT): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(pattern)]
    .map((m) => resolve(file, m[1] as string))
    .filter((f): f is string => f !== null);
}

const isClient = (file: string) => /^\s*["']use client["']/.test(readFileSync(file, "utf8"));
/** A server action's module: the browser gets a reference to call, none of its code. */
const isServerActions = (file: string) => /^\s*["']use server["']/.test(readFileSync(file, "utf8"));

/**
 * The client components reached from `entries` through server modules, their closure (what
 * is sent with the page), and what they load later by `import()` with its own closure.
 */
function clientCode(entries: string[]) {
  const boundaries = new Set<string>();
  const closure = new Set<string>();
  const lazy = new Set<string>();
  const seen = new Set<string>();
  const walkLazy = (file: string) => {
    if (lazy.has(file) || closure.has(file) || isServerActions(file)) return;
    lazy.add(file);
    for (const next of [...importsOf(file), ...importsOf(file, LAZY_IMPORT)]) walkLazy(next);
  };
  const walkClient = (file: string) => {
    if (closure.has(file) || isServerActions(file)) return;
    closure.add(file);
    lazy.delete(file);
    for (const next of importsOf(file)) walkClient(next);
    for (const next of importsOf(file, LAZY_IMPORT)) walkLazy(next);
  };
  const walkServer = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (isClient(file)) {
      boundaries.add(file);
      walkClient(file);
      return;
    }
    for (const next of importsOf(file)) walkServer(next);
  };
  for (const entry of entries) walkServer(entry);
  const rel = (set: Set<string>) => [...set].map((f) => path.relative(root, f)).sort();
  return { boundaries: rel(boundaries), closure: rel(closure), lazy: rel(lazy) };
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^(page|layout|error|not-found)\.tsx$/.test(entry.name) ? [full] : [];
  });
}

/**
 * The pages people read: every public route but those whose forms are client components
 * (an opinion; an event's page with its registration form, and the registration lookup),
 * which carry their form's code and words.
 */
const readingEntries = [
  ...["layout.tsx", "error.tsx", "not-found.tsx"].map((f) => path.join(root, "app", f)),
  ...routeFiles(path.join(root, "app/(public)")).filter(
    (f) => !/[/\\](opinions|registrations|events[/\\]\[id\])[/\\]/.test(path.relative(root, f)),
  ),
];

describe("the client components of the public pages people read", () => {
  const { boundaries, closure } = clientCode(readingEntries);

  it("are found (the walk follows the imports)", () => {
    expect(boundaries).toContain("components/ui/disclosure-closer.tsx");
    expect(boundaries).toContain("app/(public)/error.tsx");
    expect(boundaries).toContain("components/calendar/month-table.tsx");
  });

  it("import no message catalogue but the few words they show", () => {
    const catalogues = closure.filter((f) => f.startsWith("lib/messages/"));
    expect(catalogues).toEqual(["lib/messages/calendar-grid.ts", "lib/messages/error-panel.ts"]);
  });

  it("include none of the staff console's client components", () => {
    expect(boundaries.filter((f) => f.startsWith("components/admin/"))).toEqual([]);
  });
});

describe("the client components of the pages with a public form", () => {
  // An event's page and its registration page (the form, and there the form that sends
  // a lost code again), /registrations (the desk) and /opinions: the server draws the
  // fields, or hands the words down, and the client components only post them. What is
  // drawn after an answer (a refusal with its messages, the registration's receipt) is
  // loaded by import() when it is needed, not with the page.
  const pages = ["events/[id]", "events/[id]/register", "registrations", "opinions"].map((p) =>
    path.join(root, "app/(public)", p, "page.tsx"),
  );
  const { boundaries, closure, lazy } = clientCode(pages);

  it("are found (the walk follows the imports)", () => {
    expect(boundaries).toEqual([
      "app/(public)/opinions/_components/opinion-form.tsx",
      "components/attendance/registration-desk.tsx",
      "components/attendance/registration-form.tsx",
      "components/attendance/resend-code-form.tsx",
    ]);
    expect(lazy).toContain("components/attendance/registration-answer.tsx");
    expect(lazy).toContain("app/(public)/opinions/_components/opinion-answer.tsx");
  });

  it("send no words and no fields with the page, only the code that posts the form", () => {
    expect(closure).toEqual([
      "app/(public)/opinions/_components/opinion-form.tsx",
      "components/attendance/registration-desk.tsx",
      "components/attendance/registration-form.tsx",
      "components/attendance/resend-code-form.tsx",
      "components/forms/fields.tsx",
      "components/forms/notice.tsx",
      "components/forms/panel.tsx",
      "components/forms/submit-class.ts",
    ]);
  });

  it("send the registration desk with an event's page only once the reader registers", () => {
    const event = clientCode([path.join(root, "app/(public)/events/[id]/page.tsx")]);
    expect(event.closure).not.toContain("components/attendance/registration-desk.tsx");
    expect(event.lazy).toContain("components/attendance/registration-desk.tsx");
  });

  it("load later the words of the form and the desk, not the attendance or check-in catalogue", () => {
    const catalogues = lazy.filter((f) => f.startsWith("lib/messages/"));
    expect(catalogues).toEqual(["lib/messages/registration-desk.ts"]);
  });

  it("include none of the staff console's client components", () => {
    expect([...closure, ...lazy].filter((f) => f.startsWith("components/admin/"))).toEqual([]);
  });
});
