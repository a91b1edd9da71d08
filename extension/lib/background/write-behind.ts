/**
 * Results kept in memory first and written to extension storage in batches. A profile's dozen
 * verdicts arrive within a second; writing each at once meant a dozen storage writes, each
 * serialising a full report on the worker's only thread while the other verdicts waited.
 */
import type { ResultStore } from './verifier.js';

/** The storage underneath: single reads, batched writes. */
export interface BatchStore {
  get(key: string): Promise<unknown>;
  /** Writes several entries in one call. */
  setMany(values: Record<string, unknown>): Promise<void>;
  /** Removes every stored result; answers how many there were. */
  clear(): Promise<number>;
}

/**
 * A `ResultStore` over `inner` whose writes wait up to `delayMs` and go out together. Reads see
 * unwritten values. The service worker lives on for 30 s after its last event, so a batch is not
 * lost to a shutdown; at worst a result is verified again.
 */
export function writeBehind(inner: BatchStore, delayMs = 1000): ResultStore & { flush(): Promise<void> } {
  let pending = new Map<string, unknown>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = async () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0) return;
    const batch = Object.fromEntries(pending);
    pending = new Map();
    await inner.setMany(batch).catch(() => {}); // storage full or gone: results stay unsaved, nothing breaks
  };
  return {
    async get(key) {
      return pending.has(key) ? pending.get(key) : inner.get(key);
    },
    async set(key, value) {
      pending.set(key, value);
      timer ??= setTimeout(() => void flush(), delayMs);
    },
    async clear() {
      const unwritten = [...pending.keys()];
      pending = new Map();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      // results not written yet count too, once each
      let fresh = 0;
      for (const key of unwritten) if ((await inner.get(key)) === undefined) fresh++;
      return fresh + (await inner.clear());
    },
    flush,
  };
}
