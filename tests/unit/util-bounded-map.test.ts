import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../sdk/util/bounded-map.js';
import { MemoryCache } from '../../sdk/options.js';

describe('BoundedMap', () => {
  it('keeps at most `limit` entries, forgetting the oldest first', () => {
    const m = new BoundedMap<string, number>(3);
    for (const [k, v] of [['a', 1], ['b', 2], ['c', 3], ['d', 4]] as const) m.set(k, v);
    expect([...m.keys()]).toEqual(['b', 'c', 'd']);
    m.set('e', 5);
    expect([...m.entries()]).toEqual([['c', 3], ['d', 4], ['e', 5]]);
  });

  it('replacing a key it holds forgets nothing', () => {
    const m = new BoundedMap<string, number>(2);
    m.set('a', 1).set('b', 2).set('a', 10);
    expect([...m.entries()]).toEqual([['a', 10], ['b', 2]]);
  });

  it('works as a Map (get, has, delete, size) and with a limit of one', () => {
    const m = new BoundedMap<number, string>(1);
    m.set(1, 'x');
    m.set(2, 'y');
    expect(m.size).toBe(1);
    expect(m.has(1)).toBe(false);
    expect(m.get(2)).toBe('y');
    expect(m.delete(2)).toBe(true);
    expect(m.size).toBe(0);
    expect(m).toBeInstanceOf(Map);
  });
});

describe('MemoryCache', () => {
  it('is least-recently-used: a read keeps an entry, the least recently used one goes', () => {
    const c = new MemoryCache(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the newest
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.get('c')).toBe(3);
  });
});
