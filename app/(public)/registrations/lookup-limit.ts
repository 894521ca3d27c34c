import "server-only";
import { headers } from "next/headers";
import { attendanceRateLimits } from "@/lib/attendance";
import { clientIpFrom } from "@/lib/client-ip";
import { sharedRateLimiter } from "@/server/rate-limit";

/**
 * Guessing registration codes means looking up ones that do not exist: those misses are
 * what is counted, per client IP, by the lookup form, the registration page and the
 * cancellation alike.
 */
export async function lookupMisses() {
  const ip = clientIpFrom(await headers());
  const limiter = sharedRateLimiter("attendance:lookup-miss", attendanceRateLimits.lookupMiss);
  return {
    ip,
    /** Too many misses lately: refuse before looking anything up. */
    blocked: async () => !(await limiter.peek(ip)).allowed,
    /** Count one more miss. */
    miss: async () => {
      await limiter.consume(ip);
    },
  };
}
