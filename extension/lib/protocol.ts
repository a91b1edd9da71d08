/**
 * The messages between the page side (content scripts, extension pages) and the background service
 * worker, which is the only place credentials are verified (through the SDK). Plain JSON only: every
 * message crosses a structured-clone boundary.
 */
import type { Report, Verdict } from '../../sdk/report/types.js';
import type { ExplainedReport, Lang } from '../../sdk/explain/types.js';
import type { Settings } from './settings.js';

/**
 * Largest credential file (a baked badge image, a JSON or JWT file) the background verifies, in
 * bytes. The learner page refuses larger files before sending them, with the same figure.
 */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** One credential link found on a page or in a CV. */
export interface FoundLink {
  /** The credential URL, redirect wrappers removed (what is verified, and the badge's data-credential-url). */
  url: string;
  /** Visible text near the link (the certification's title when the page shows one). */
  text?: string;
}

/** What a badge shows: `pending` while checking, a verdict when done, `error` when it could not be read. */
export type BadgeState = 'pending' | Verdict | 'error';

/** A link still being checked. */
export interface PendingItem extends FoundLink {
  state: 'pending';
}

/** A link verified: the SDK's Report, and the same Report explained in the user's language. */
export interface VerifiedItem extends FoundLink {
  state: 'done';
  report: Report;
  explained: ExplainedReport;
  /** ISO time the verification finished. */
  checkedAt: string;
}

/** A link that could not be read as a credential at all (bad URL, refused address, not a credential). */
export interface FailedItem extends FoundLink {
  state: 'error';
  /** The SDK's error code ('blocked-address', 'network', 'not-a-credential', ...). */
  code: string;
  /** One sentence for a person. */
  message: string;
  checkedAt: string;
}

/**
 * The failed item for `link` (its text kept): from a code and a sentence, or from anything thrown
 * (its `code` when it has one, else `fallbackCode`), dated `at` (ms since the epoch, default now).
 */
export function failedItem(link: FoundLink, why: unknown, at = Date.now(), fallbackCode = 'internal'): FailedItem {
  const w = why as { code?: unknown; message?: unknown } | null | undefined;
  const code = typeof w?.code === 'string' ? w.code : fallbackCode;
  const message = typeof w?.message === 'string' ? w.message : String(why);
  return { url: link.url, ...(link.text ? { text: link.text } : {}), state: 'error', code, message, checkedAt: new Date(at).toISOString() };
}

/** One entry in a page's list. */
export type Item = PendingItem | VerifiedItem | FailedItem;

/** What a learner (or the CV page) hands over for verification. */
export type LearnerInput =
  | { kind: 'url'; url: string }
  /** Pasted JSON or a compact JWT. */
  | { kind: 'text'; text: string }
  /** A dropped file (baked PNG / SVG badge, JSON, JWT), base64-encoded to cross the message boundary. */
  | { kind: 'bytes'; base64: string; name?: string };

/** Everything the background knows about the credentials on one tab. */
export interface PageSummary {
  tabId: number;
  pageUrl: string;
  /** The person the page is about (profile owner), when the page names one. */
  owner?: string;
  items: Item[];
}

/** A request without parameters. */
export type NoParams = Record<never, never>;

/** Requests to the background, each with the shape of its answer. */
export interface Requests {
  /** Verify a link found on the sending tab's page (the badge next to it shows the answer). */
  'verify-link': {
    /**
     * `auto`: asked by the LinkedIn script before it could read the settings; the background
     * verifies only when auto-scan is on, and otherwise answers the error `auto-scan-off`.
     */
    req: { link: FoundLink; pageUrl: string; owner?: string; auto?: true };
    res: Item;
  };
  /**
   * Titles read after the links were sent for verification (a first scan leaves them for idle
   * time); they name the sending tab's list entries that have no title yet.
   */
  'link-titles': { req: { pageUrl: string; titles: FoundLink[] }; res: null };
  /** Verify something a person pasted or dropped (learner page, CV page). Not tied to a tab. */
  'verify-input': { req: { input: LearnerInput; owner?: string }; res: Item };
  /** The list of credentials on a tab (side panel, popup). Without tabId: the active tab. */
  'page-summary': { req: { tabId?: number }; res: PageSummary | null };
  /** Scan the active tab now (toolbar, side panel, popup button; uses activeTab). */
  'scan-tab': { req: { tabId?: number }; res: { ok: boolean; message?: string } };
  /** The user's settings. */
  'get-settings': { req: NoParams; res: Settings };
  /** Save settings; answers with the stored result. */
  'set-settings': { req: { settings: Settings }; res: Settings };
  /** Forget every cached verification result. */
  'clear-cache': { req: NoParams; res: { cleared: number } };
  /** Open an extension page (options, learner, cv) in a tab. */
  'open-page': { req: { page: 'options' | 'learner' | 'cv'; query?: string }; res: { ok: boolean } };
}

export type RequestType = keyof Requests;

/** A request on the wire. */
export type Message<T extends RequestType = RequestType> = { type: T } & Requests[T]['req'];

/** Sent by the background to CredLens's open pages (side panel, popup) when a tab's list changes. */
export interface SummaryChanged {
  type: 'summary-changed';
  /** The tab whose list changed; panels showing it ask for the list again ('page-summary'). */
  tabId: number;
}

/** Languages the UI speaks (the SDK's explanation catalogues). */
export type UiLang = Lang;
