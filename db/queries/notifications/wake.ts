import "server-only";

/**
 * A new outbox row wakes the delivery worker of this process (server/notifications), so
 * that it goes out within a second or two instead of at the next poll. notify() signals
 * from inside its transaction: the worker waits a moment and looks again once more, by
 * when the transaction has committed; anything it still misses waits for the next poll.
 */
type Listener = () => void;

const holder = globalThis as unknown as { __lvzhiOutboxListeners?: Set<Listener> };

function listeners(): Set<Listener> {
  holder.__lvzhiOutboxListeners ??= new Set();
  return holder.__lvzhiOutboxListeners;
}

export function onOutboxWrite(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function signalOutboxWrite(): void {
  for (const listener of listeners()) listener();
}
