import "server-only";
import type { Database } from "../client";
import { getDb } from "../runtime";

type Rest<F> = F extends (db: Database, ...rest: infer R) => unknown ? R : never;

/**
 * The server-side twin of a query written as `fn(db, …)`: the same function on the
 * server's database. Integration tests call `fn` with their own database.
 */
export function withDb<F extends (db: Database, ...rest: never[]) => Promise<unknown>>(fn: F) {
  return async (...args: Rest<F>): Promise<Awaited<ReturnType<F>>> =>
    (await (fn as unknown as (db: Database, ...rest: Rest<F>) => ReturnType<F>)(
      await getDb(),
      ...args,
    )) as Awaited<ReturnType<F>>;
}
