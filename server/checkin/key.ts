import "server-only";
import { hkdfSync } from "node:crypto";
import { getAuthSecret } from "@/server/auth/tokens";

const holder = globalThis as unknown as { __lvzhiCheckinKey?: Uint8Array };

/**
 * The key of the events' rotating check-in QR (lib/checkin/token.ts): derived from the
 * auth secret with HKDF under its own label, so it is never the secret itself and no
 * other token kind can be passed off as a check-in code. Every instance sharing
 * AUTH_SECRET accepts the codes the others show.
 */
export function eventCheckinKey(): Uint8Array {
  holder.__lvzhiCheckinKey ??= new Uint8Array(
    hkdfSync("sha256", getAuthSecret(), "lvzhi", "lvzhi.event-checkin-key.v1", 32),
  );
  return holder.__lvzhiCheckinKey;
}
