import { describe, expect, it } from 'vitest';
import { writeBehind, type BatchStore } from '../../../extension/lib/background/write-behind.js';

function memory() {
  const data = new Map<string, unknown>();
  const writes: string[][] = [];
  const store: BatchStore = {
    get: async (k) => data.get(k),
    setMany: async (values) => {
      writes.push(Object.keys(values));
      for (const [k, v] of Object.entries(values)) data.set(k, v);
    },
    clear: async () => {
      const n = data.size;
      data.clear();
      return n;
    },
  };
  return { store, data, writes };
}

describe('write-behind result store', () => {
  it('answers unwritten values at once and writes them together after the delay', async () => {
    const { store, data, writes } = memory();
    const s = writeBehind(store, 30);
    await s.set('a', 1);
    await s.set('b', 2);
    await s.set('a', 3);
    expect(await s.get('a')).toBe(3);
    expect(data.size).toBe(0);
    await new Promise((r) => setTimeout(r, 60));
    expect(writes).toEqual([['a', 'b']]);
    expect(data.get('a')).toBe(3);
    expect(await s.get('b')).toBe(2);
  });

  it('flush writes now; clear forgets unwritten and written results and counts each once', async () => {
    const { store, data, writes } = memory();
    const s = writeBehind(store, 10_000);
    await s.set('a', 1);
    await s.flush();
    expect(writes.length).toBe(1);
    await s.set('a', 2); // rewritten, not yet saved
    await s.set('b', 3);
    expect(await s.clear()).toBe(2);
    expect(await s.get('a')).toBeUndefined();
    await s.flush();
    expect(writes.length).toBe(1);
    expect(data.size).toBe(0);
  });

  it('reads storage only for keys that may be there, when it can list its keys', async () => {
    const { store, data } = memory();
    data.set('old', 1); // stored by an earlier worker
    const reads: string[] = [];
    const listing: BatchStore = { ...store, keys: async () => [...data.keys()], get: async (k) => (reads.push(k), data.get(k)) };
    const s = writeBehind(listing, 10_000);
    expect(await s.get('never')).toBeUndefined();
    expect(reads).toEqual([]);
    expect(await s.get('old')).toBe(1);
    expect(reads).toEqual(['old']);
    await s.set('new', 2);
    await s.flush();
    expect(await s.get('new')).toBe(2);
    expect(reads).toEqual(['old', 'new']);
    // written behind the store's back after the listing (nothing in the extension does): not seen
    data.set('elsewhere', 3);
    expect(await s.get('elsewhere')).toBeUndefined();
    await s.clear();
    reads.length = 0;
    expect(await s.get('old')).toBeUndefined();
    expect(await s.get('new')).toBeUndefined();
    expect(reads).toEqual([]);
  });

  it('asks storage for every key when it cannot list them, or listing fails', async () => {
    for (const keys of [undefined, async () => undefined, async () => Promise.reject(new Error('no getKeys'))]) {
      const { store, data } = memory();
      data.set('old', 1);
      const s = writeBehind({ ...store, ...(keys ? { keys } : {}) }, 10_000);
      expect(await s.get('old')).toBe(1);
    }
  });

  it('keeps working when storage refuses a write', async () => {
    const s = writeBehind({ get: async () => undefined, setMany: async () => Promise.reject(new Error('quota')), clear: async () => 0 }, 10);
    await s.set('a', 1);
    await expect(s.flush()).resolves.toBeUndefined();
    expect(await s.get('a')).toBeUndefined();
  });
});
