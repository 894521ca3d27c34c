import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { ChainChecker, type ChainEntryText, type ChainResult } from "../../lib/audit/chain";

/**
 * Checks an archive file written by the retention job on its own: its entries must chain
 * from the first one's prev_hash to the last. The last entry's seq and hash (`head`) are
 * what the database's anchor (audit_log_anchors) must show.
 */
export async function verifyArchiveFile(file: string): Promise<ChainResult> {
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  let checker: ChainChecker | null = null;
  for await (const line of lines) {
    if (line.trim() === "") continue;
    const entry = JSON.parse(line) as ChainEntryText;
    checker ??= new ChainChecker(
      entry.prevHash === null ? null : { seq: Number(entry.seq) - 1, hash: entry.prevHash },
    );
    const broken = checker.check(entry);
    if (broken) return broken;
  }
  return {
    ok: true,
    count: checker?.count ?? 0,
    head: checker?.head() ?? null,
    anchor: checker?.anchor ?? null,
  };
}
