/**
 * Results kept in memory first and written to extension storage in batches. A profile's dozen
 * verdicts arrive within a second; writing each at once meant a dozen storage writes, each
 * serialising a full report on the worker's only thread while the other verdicts waited.
 */
import type { ResultStore } from './verifier.js';

/** The storage underneath: single reads, batched writes. */
export interface BatchStore {
  get(key: string): Promise<unknown>;
  /**
   * Every key stored now, read once when the store is made, or undefined where the storage cannot
   * list its keys. Lets a look-up of a key that was never stored skip the storage round trip.
   */
  keys?(): Promise<string[] | undefined>;
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
  // Keys that may be in storage: what was there when the worker started, plus every key set since
  // (a superset; a key is only dropped by `clear`). A fresh worker's look-ups of results nobody
  // stored then cost no storage round trip, which on a page's first verifications waits behind
  // the worker's other work. Undefined: the storage cannot list keys, so every look-up asks it.
  const stored: Promise<Set<string> | undefined> = (inner.keys?.() ?? Promise.resolve(undefined)).then(
    (keys) => (keys ? new Set(keys) : undefined),
    () => undefined,
  );
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
      if (pending.has(key)) return pending.get(key);
      const known = await stored;
      if (pending.has(key)) return pending.get(key); // set while the keys were read
      return known && !known.has(key) ? undefined : inner.get(key);
    },
    async set(key, value) {
      pending.set(key, value);
      (await stored)?.add(key);
      timer ??= setTimeout(() => void flush(), delayMs);
    },
    async clear() {
      const unwritten = [...pending.keys()];
      pending = new Map();
      (await stored)?.clear();
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
