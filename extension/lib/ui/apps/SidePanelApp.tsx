/**
 * The side panel (Chrome) and the toolbar popup (Firefox): the credentials on the active tab of this
 * window, kept current as the background reports changes and as the user switches or reloads tabs,
 * with a "Scan this page" button and links to the learner and CV pages.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '../../messaging.js';
import type { PageSummary, SummaryChanged } from '../../protocol.js';
import { List } from '../List.js';
import { fill, pageStrings, strings } from '../strings.js';
import { messageOf, useLang, useSettings } from './common.js';

function isSummaryChanged(m: unknown): m is SummaryChanged {
  const o = m as Partial<SummaryChanged> | null;
  return !!o && typeof o === 'object' && o.type === 'summary-changed' && typeof o.tabId === 'number';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** The page list for the active tab. `variant` 'popup' sizes it for the toolbar popup. */
export function SidePanelApp({ variant = 'panel' }: { variant?: 'panel' | 'popup' }) {
  const lang = useLang(useSettings());
  const s = strings(lang);
  const p = pageStrings(lang);
  /** undefined: loading; null: nothing known about this tab yet. */
  const [summary, setSummary] = useState<PageSummary | null | undefined>(undefined);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [scanning, setScanning] = useState(false);
  const tabId = useRef<number | undefined>(undefined);
  const windowId = useRef<number | undefined>(undefined);
  const seq = useRef(0);

  const load = useCallback(async (knownTab?: number) => {
    const mine = ++seq.current;
    try {
      let id = knownTab;
      if (id === undefined) {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        id = tab?.id;
        if (tab?.windowId !== undefined) windowId.current = tab.windowId;
      }
      const next = await ask('page-summary', id !== undefined ? { tabId: id } : {});
      if (mine !== seq.current) return; // a newer load won
      tabId.current = id ?? next?.tabId;
      setSummary(next);
      setError(undefined);
    } catch (e) {
      if (mine === seq.current) setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    void load();
    const onMessage = (m: unknown) => {
      if (!isSummaryChanged(m)) return undefined;
      if (m.tabId === tabId.current) void load(m.tabId);
      return undefined; // never answers: requests are for the background
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId.current === undefined || info.windowId === windowId.current) {
        setNotice(undefined);
        void load(info.tabId);
      }
    };
    const onUpdated = (id: number, change: { status?: string; url?: string }, tab: { active?: boolean; windowId?: number }) => {
      if (!tab.active || (windowId.current !== undefined && tab.windowId !== windowId.current)) return;
      if (change.status === 'loading' || change.status === 'complete' || change.url) void load(id);
    };
    browser.runtime.onMessage.addListener(onMessage);
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [load]);

  const scan = async () => {
    setScanning(true);
    setNotice(undefined);
    try {
      const res = await ask('scan-tab', tabId.current !== undefined ? { tabId: tabId.current } : {});
      if (res.message) setNotice(res.message);
      await load(tabId.current);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setScanning(false);
    }
  };

  const open = (page: 'learner' | 'cv') => {
    ask('open-page', { page }).catch((e: unknown) => setError(messageOf(e)));
  };

  return (
    <main class={variant === 'popup' ? 'cl-popup' : 'cl-panel'}>
      <h1>{s.credlens}</h1>
      {summary && <p class="cl-small cl-muted">{hostOf(summary.pageUrl)}</p>}
      {error && (
        <p role="alert" class="cl-error">
          {fill(p.failed, { message: error })}
        </p>
      )}
      <p role="status" class="cl-status">
        {notice ?? ''}
      </p>
      {summary === undefined && !error && <p>{p.loading}</p>}
      {summary === null && (
        <>
          <p class="cl-muted">{p.notScanned}</p>
          <div class="cl-toolbar">
            <button type="button" class="cl-primary" onClick={scan} disabled={scanning}>
              {scanning ? s.scanning : s.scanPage}
            </button>
          </div>
        </>
      )}
      {summary && <List summary={summary} lang={lang} onScan={scan} scanning={scanning} />}
      <div class="cl-toolbar cl-section">
        <button type="button" onClick={() => open('learner')}>
          {p.checkOwn}
        </button>
        <button type="button" onClick={() => open('cv')}>
          {p.checkCv}
        </button>
      </div>
    </main>
  );
}
