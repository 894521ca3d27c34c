// Part of `npm run lint`: the size rules of docs/architecture.md.
// - every page (app/**/page.tsx) is composition: at most 80 lines;
// - no source file is over 400 lines, outside tests, migrations, seed data and word lists.
// The import rules (floors, no cycles) are dependency-cruiser's: .dependency-cruiser.cjs.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const PAGE_MAX = 80;
const FILE_MAX = 400;
const SOURCE = /\.(ts|tsx|mjs|cjs|js)$/;
const EXEMPT = [
  /\.test\.tsx?$/, // tests
  /^e2e\//, // Playwright specs and their fixtures are tests
  /^db\/migrations\//,
  /^db\/seed\/demo-data\//, // seed data
  /\.d\.ts$/,
];

const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
  encoding: "utf8",
})
  .split("\n")
  .filter((f) => SOURCE.test(f) && !EXEMPT.some((re) => re.test(f)));

const lineCount = (file) => {
  try {
    const text = readFileSync(file, "utf8");
    return text.endsWith("\n") ? text.split("\n").length - 1 : text.split("\n").length;
  } catch {
    return 0; // deleted in the working tree
  }
};

const problems = [];
for (const file of files) {
  const lines = lineCount(file);
  if (/^app\/.*\/page\.tsx$|^app\/page\.tsx$/.test(file) && lines > PAGE_MAX) {
    problems.push(`${file}: ${lines} lines; a page is composition, at most ${PAGE_MAX}`);
  } else if (lines > FILE_MAX) {
    problems.push(`${file}: ${lines} lines; split it by capability (at most ${FILE_MAX})`);
  }
}

if (problems.length > 0) {
  console.error(`✖ ${problems.length} file(s) too long:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`✔ ${files.length} source files: pages ≤ ${PAGE_MAX} lines, files ≤ ${FILE_MAX}`);
