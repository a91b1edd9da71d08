/**
 * What each tab shows: the page URL, its owner and its credential items, kept so the side panel and
 * popup can list them. Kept in session storage too, because the service worker may be stopped
 * between a page's scan and the moment the recruiter opens the panel.
 */
import type { Item, PageSummary } from '../protocol.js';

/** Most items remembered per tab. */
export const MAX_ITEMS_PER_PAGE = 200;

/** Persistence for summaries (extension session storage in the browser), one entry per tab. */
export interface SummaryStore {
  load(): Promise<Record<string, PageSummary>>;
  /** Saves one tab's summary; null removes it. */
  save(tabId: number, summary: PageSummary | null): Promise<void>;
}

/** Tab summaries, updated as links are found and verified. */
export class Pages {
  private loading: Promise<Record<string, PageSummary>> | undefined;

  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly dirty = new Set<number>();

  /**
   * @param store persistence
   * @param changed told about changed summaries
   * @param delayMs saving and telling are batched over this many ms (a profile verifies a dozen
   *   links at once; one storage write per answer would slow every answer down)
   */
  constructor(
    private readonly store: SummaryStore,
    private readonly changed: (summary: PageSummary) => void,
    private readonly delayMs = 50,
  ) {}

  /** The summary of `tabId`, or null when nothing was found there. */
  async get(tabId: number): Promise<PageSummary | null> {
    return (await this.load())[tabId] ?? null;
  }

  /**
   * Records an item for a tab's page. A link found on a new page URL (navigation) starts a new
   * list; an answer for a page the tab has left is dropped.
   */
  async put(tabId: number, pageUrl: string, owner: string | undefined, item: Item): Promise<void> {
    const all = await this.load();
    let s = all[tabId];
    if (!s || s.pageUrl !== pageUrl) {
      if (s && item.state !== 'pending') return;
      s = { tabId, pageUrl, items: [] };
    }
    if (owner) s.owner = owner;
    const at = s.items.findIndex((i) => i.url === item.url);
    if (at >= 0) s.items[at] = item.text || !s.items[at]!.text ? item : { ...item, text: s.items[at]!.text };
    else if (s.items.length < MAX_ITEMS_PER_PAGE) s.items.push(item);
    all[tabId] = s;
    this.dirty.add(tabId);
    this.saveTimer ??= setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Saves and announces pending changes now. */
  async flush(): Promise<void> {
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const all = await this.load();
    const tabs = [...this.dirty];
    this.dirty.clear();
    if (tabs.length === 0) return;
    for (const t of tabs) {
      try {
        await this.store.save(t, all[t] ?? null);
      } catch {
        // Storage full or gone: the list stays in memory; panels are still told.
      }
      if (all[t]) this.changed(all[t]);
    }
  }

  /** Forgets a tab (closed). */
  async drop(tabId: number): Promise<void> {
    const all = await this.load();
    if (!(tabId in all)) return;
    delete all[tabId];
    this.dirty.delete(tabId);
    await this.store.save(tabId, null).catch(() => {});
  }

  private async load(): Promise<Record<string, PageSummary>> {
    // One load shared by concurrent callers, so no update is lost to a second read.
    this.loading ??= this.store.load().catch(() => ({}));
    return this.loading;
  }
}
