import { afterFailure, type LockState, lockedUntil } from "./policy";

/**
 * Lockouts for names that are not (active) accounts, kept in memory, so that "locked"
 * comes after the same number of failures, for the same time, whether the account exists
 * or not. Bounded: past `maxKeys` names the oldest are forgotten (a flood of random names
 * gains nothing, since each needs five failures before it would say "locked").
 */
export interface PhantomLockouts {
  /** Counts one failure; `until` is set when the name is (now or still) locked. */
  fail(name: string, now: Date): { until: Date | null; lockedBefore: boolean };
}

export function createPhantomLockouts(maxKeys = 20_000): PhantomLockouts {
  const states = new Map<string, LockState & { touched: number }>();
  return {
    fail(name, now) {
      const state = states.get(name) ?? { failedLoginCount: 0, lockedUntil: null, touched: 0 };
      const until = lockedUntil(state, now);
      if (until) return { until, lockedBefore: true };
      const next = afterFailure(state, now);
      states.delete(name);
      states.set(name, { ...next, touched: now.getTime() });
      while (states.size > maxKeys) {
        const oldest = states.keys().next().value;
        if (oldest === undefined) break;
        states.delete(oldest);
      }
      return { until: next.lockedNow ? next.lockedUntil : null, lockedBefore: false };
    },
  };
}
