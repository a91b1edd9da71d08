/**
 * What each tab shows: the page URL, its owner and its credential items, kept so the side panel and
 * popup can list them. Kept in session storage too, because the service worker may be stopped
 * between a page's scan and the moment the recruiter opens the panel.
 */
import type { FoundLink, Item, PageSummary } from '../protocol.js';

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

  private tellTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Tabs whose change was not announced yet. */
  private readonly untold = new Set<number>();
  /** Tabs whose change was not saved yet. */
  private readonly dirty = new Set<number>();

  /**
   * @param store persistence
   * @param changed told about changed summaries
   * @param delayMs telling is batched over this many ms (a profile verifies a dozen links at once)
   * @param saveDelayMs saving is batched over this many: each save writes a tab's whole list with
   *   every report, which costs the worker more than a verification step while a page is being
   *   verified; the worker lives on for 30 s after its last event, so a change is not lost
   */
  constructor(
    private readonly store: SummaryStore,
    private readonly changed: (summary: PageSummary) => void,
    private readonly delayMs = 50,
    private readonly saveDelayMs = 1000,
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
    this.touch(tabId);
  }

  /**
   * Gives untitled items of a tab's page their titles (read by the page after asking for the
   * verdicts). Titles for another page, or for links the list does not hold, are ignored.
   */
  async setTitles(tabId: number, pageUrl: string, titles: readonly FoundLink[]): Promise<void> {
    const s = (await this.load())[tabId];
    if (!s || s.pageUrl !== pageUrl) return;
    let changed = false;
    for (const t of titles) {
      const at = s.items.findIndex((i) => i.url === t.url);
      if (at < 0 || !t.text || s.items[at]!.text) continue;
      s.items[at] = { ...s.items[at]!, text: t.text };
      changed = true;
    }
    if (changed) this.touch(tabId);
  }

  /** Announces and saves pending changes now. */
  async flush(): Promise<void> {
    await this.tell();
    await this.save();
  }

  private touch(tabId: number): void {
    this.untold.add(tabId);
    this.dirty.add(tabId);
    this.tellTimer ??= setTimeout(() => void this.tell(), this.delayMs);
    this.saveTimer ??= setTimeout(() => void this.save(), this.saveDelayMs);
  }

  private async tell(): Promise<void> {
    if (this.tellTimer !== undefined) clearTimeout(this.tellTimer);
    this.tellTimer = undefined;
    const all = await this.load();
    const tabs = [...this.untold];
    this.untold.clear();
    for (const t of tabs) if (all[t]) this.changed(all[t]);
  }

  private async save(): Promise<void> {
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const all = await this.load();
    const tabs = [...this.dirty];
    this.dirty.clear();
    for (const t of tabs) {
      try {
        await this.store.save(t, all[t] ?? null);
      } catch {
        // Storage full or gone: the list stays in memory; panels are still told.
      }
    }
  }

  /** Forgets a tab (closed). */
  async drop(tabId: number): Promise<void> {
    const all = await this.load();
    if (!(tabId in all)) return;
    delete all[tabId];
    this.dirty.delete(tabId);
    this.untold.delete(tabId);
    await this.store.save(tabId, null).catch(() => {});
  }

  private async load(): Promise<Record<string, PageSummary>> {
    // One load shared by concurrent callers, so no update is lost to a second read.
    this.loading ??= this.store.load().catch(() => ({}));
    return this.loading;
  }
}
