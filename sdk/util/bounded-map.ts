/**
 * A Map that holds at most `limit` entries: adding one more forgets the oldest. For the
 * process-wide memos (decoded did:key documents, imported keys, decoded status lists, split texts)
 * that must not grow with every credential a long-running service sees.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  /** @param limit most entries kept (at least 1) */
  constructor(readonly limit: number) {
    super();
  }

  /** Adds or replaces `key`; when a new key would pass the limit, the oldest entry goes first. */
  override set(key: K, value: V): this {
    if (this.size >= this.limit && !this.has(key)) this.delete(this.keys().next().value as K);
    return super.set(key, value);
  }
}
