/**
 * The CV page: a PDF or DOCX (chosen, dropped, or `?url=` of a PDF / DOCX to download) is read in
 * the browser, its credential links are extracted, and each is verified by the background, at most
 * four at a time, with progress; the results use the same list and cards as the side panel.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CredLensError } from '../../../../sdk/errors.js';
import { isBlockedHost, readCapped } from '../../../../sdk/fetch/index.js';
import { redirectCheckingFetch } from '../../fetch.js';
import { linksFromFile } from '../../cv/index.js';
import { ask } from '../../messaging.js';
import { failedItem, type FoundLink, type Item, type PageSummary } from '../../protocol.js';
import { isHttpUrl } from '../../settings.js';
import { List } from '../List.js';
import { fill, pageStrings, strings, type PageStrings } from '../strings.js';
import { codeOf, DropZone, messageOf, pool, useLang, useSettings } from './common.js';

/** Links verified at once. */
const IN_FLIGHT = 4;
/** Largest CV downloaded from `?url=` (bytes); the reader refuses larger files too. */
const MAX_DOWNLOAD = 20 * 1024 * 1024;
/** How long a download may take (ms). */
const DOWNLOAD_TIMEOUT = 30_000;

type Phase = 'idle' | 'fetching' | 'reading' | 'checking' | 'done';

/** The sentence for a CV reader error (CvError codes), else its message. */
function cvErrorText(e: unknown, p: PageStrings): string {
  switch (codeOf(e)) {
    case 'too-large':
      return fill(p.fileTooLarge, { max: 20 });
    case 'unsupported-file':
    case 'not-a-pdf':
    case 'not-a-docx':
      return p.cvUnsupported;
    case 'encrypted':
      return p.cvEncrypted;
    case 'unreadable':
      return p.cvUnreadable;
    default:
      return fill(p.failed, { message: messageOf(e) });
  }
}

/** Downloads `url` with a size cap and a timeout. */
async function download(url: string, localAllowed: boolean): Promise<Uint8Array> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), DOWNLOAD_TIMEOUT);
  const timeoutError = () => new CredLensError('timeout', `The CV did not download within ${DOWNLOAD_TIMEOUT / 1000} s.`);
  try {
    // The recruiter asked for this file (usually a PDF open in a tab), so their cookies go with it.
    // The browser follows redirects; the address it ends on obeys the local-network setting.
    const fetchChecked = redirectCheckingFetch({ allowPrivateNetwork: localAllowed, allowHttpLocalhost: localAllowed });
    let res: Response;
    try {
      res = await fetchChecked(url, { credentials: 'include', signal: ctl.signal });
    } catch (e) {
      throw ctl.signal.aborted ? timeoutError() : e;
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new CredLensError('http-status', `HTTP ${res.status}`);
    }
    return await readCapped(res, MAX_DOWNLOAD, res.url || url, ctl.signal, timeoutError);
  } finally {
    clearTimeout(timer);
  }
}

function fileNameOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || url;
  } catch {
    return url;
  }
}

/** The CV page. */
export function CvApp() {
  const settings = useSettings();
  const lang = useLang(settings);
  const s = strings(lang);
  const p = pageStrings(lang);
  const [owner, setOwner] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const [reading, setReading] = useState<[number, number]>();
  const [items, setItems] = useState<Item[]>([]);
  const [source, setSource] = useState('');
  const [error, setError] = useState<string>();
  const [allow, setAllow] = useState<{ origin: string; url: string }>();
  const run = useRef(0);
  const ownerRef = useRef('');
  ownerRef.current = owner.trim();
  const ids = useId();

  const process = async (bytes: Uint8Array, name: string, from: string) => {
    const id = ++run.current;
    const current = () => id === run.current;
    setError(undefined);
    setAllow(undefined);
    setItems([]);
    setSource(from);
    setReading(undefined);
    setPhase('reading');
    let links: FoundLink[];
    try {
      links = (await linksFromFile(bytes, name, (done, total) => current() && setReading([done, total]))).links;
    } catch (e) {
      if (current()) {
        setError(cvErrorText(e, p));
        setPhase('idle');
      }
      return;
    }
    if (!current()) return;
    const results: Item[] = links.map((l) => ({ ...l, state: 'pending' }));
    setItems([...results]);
    setPhase('checking');
    const who = ownerRef.current;
    await pool(links, IN_FLIGHT, async (link, i) => {
      let res: Item;
      try {
        // As a page's links are checked: results are shared with the profile and earlier CVs (the
        // background's result cache), and the side panel lists this CV for its tab.
        res = await ask('verify-link', { link, pageUrl: from, ...(who ? { owner: who } : {}) });
        res = { ...res, url: link.url, ...(link.text ? { text: link.text } : {}) };
      } catch (e) {
        res = failedItem(link, e);
      }
      if (!current()) return;
      results[i] = res;
      setItems([...results]);
    });
    if (current()) setPhase('done');
  };

  const fromUrl = async (url: string) => {
    setError(undefined);
    setAllow(undefined);
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return setError(s.adviceBadUrl);
    }
    const localAllowed = settings?.localNetwork === true || import.meta.env.MODE === 'e2e';
    if (!localAllowed && isBlockedHost(u.hostname)) return setError(s.adviceBlocked);
    setSource(u.href);
    setPhase('fetching');
    try {
      const bytes = await download(u.href, localAllowed);
      await process(bytes, fileNameOf(u.href), u.href);
    } catch (e) {
      setPhase('idle');
      if (codeOf(e) === 'too-large') return setError(fill(p.fileTooLarge, { max: 20 }));
      setError(fill(p.cvFetchFailed, { message: messageOf(e) }));
      // A fetch that failed outright (no code: the browser's own TypeError) is most often no access
      // to that site yet: offer to ask for it (needs this click's gesture). Timeouts, HTTP errors
      // and refused redirects have codes, and access would not help.
      if ((e as { code?: unknown } | null)?.code === undefined) setAllow({ origin: u.origin, url: u.href });
    }
  };

  const requestAccess = () => {
    if (!allow) return;
    const target = allow;
    browser.permissions
      .request({ origins: [`${target.origin}/*`] })
      .then((granted: boolean) => (granted ? fromUrl(target.url) : undefined))
      .catch((e: unknown) => setError(messageOf(e)));
  };

  // `?url=` (the toolbar button on a PDF tab): download once the settings are known.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !settings) return;
    started.current = true;
    const url = new URLSearchParams(location.search).get('url');
    if (url && isHttpUrl(url)) void fromUrl(url);
    else if (url) setError(s.adviceBadUrl);
  }, [settings]);

  const onFile = async (f: File) => {
    if (f.size > MAX_DOWNLOAD) return setError(fill(p.fileTooLarge, { max: 20 }));
    await process(new Uint8Array(await f.arrayBuffer()), f.name, f.name);
  };

  const done = items.filter((i) => i.state !== 'pending').length;
  const busy = phase === 'fetching' || phase === 'reading' || phase === 'checking';
  const summary: PageSummary = { tabId: -1, pageUrl: source, ...(owner.trim() ? { owner: owner.trim() } : {}), items };

  return (
    <main class="cl-page">
      <h1>{p.cvTitle}</h1>
      <p class="cl-muted">{p.cvIntro}</p>
      <div class="cl-field">
        <label for={`${ids}-owner`}>{p.candidateLabel}</label>
        <input id={`${ids}-owner`} type="text" value={owner} aria-describedby={`${ids}-owner-help`} onInput={(e) => setOwner((e.currentTarget as HTMLInputElement).value)} />
        <p id={`${ids}-owner-help`} class="cl-small cl-muted">
          {p.candidateHelp}
        </p>
      </div>
      <DropZone label={p.cvFileLabel} help={`${p.dropHere}.`} accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" disabled={busy} onFile={(f) => void onFile(f)} />
      {error && (
        <p role="alert" class="cl-error">
          {error}
        </p>
      )}
      {allow && (
        <p>
          <button type="button" onClick={requestAccess}>
            {fill(p.allowAccess, { host: new URL(allow.origin).host })}
          </button>
        </p>
      )}
      <div role="status" aria-live="polite" class="cl-status">
        {phase === 'fetching' && <p>{p.fetchingCv}</p>}
        {phase === 'reading' && <p>{reading ? fill(p.readingFile, { done: reading[0], total: reading[1] }) : p.loading}</p>}
        {(phase === 'checking' || phase === 'done') && items.length > 0 && <p>{fill(p.progress, { done, total: items.length })}</p>}
        {phase === 'done' && items.length === 0 && <p>{p.noLinks}</p>}
      </div>
      {phase === 'reading' && reading && <progress value={reading[0]} max={Math.max(1, reading[1])} />}
      {phase === 'checking' && <progress value={done} max={Math.max(1, items.length)} />}
      {items.length > 0 && <List summary={summary} lang={lang} />}
    </main>
  );
}
