/**
 * The page's copy of the background's answers about links (see detect/rules.ts). Scans look hrefs up
 * here; an href not known yet is noted, and `learnLinkRules` asks the background about every noted
 * href in one request. Answers are kept for the page's lifetime, up to a bound.
 */
import { BoundedMap } from '../../../sdk/util/bounded-map.js';
import { answerKey, type HrefAnswer, type LinkRules } from '../detect/rules.js';
import { ask } from '../messaging.js';
import { MAX_HREFS_PER_REQUEST } from '../protocol.js';

const MAX_ANSWERS = 5000;

const answers = new BoundedMap<string, HrefAnswer>(MAX_ANSWERS);
// Asked for and not answered yet, by key.
const asking = new Map<string, Promise<void>>();
// Looked up since the last learnLinkRules and not known: key → what to ask.
const missed = new Map<string, { href: string; base: string }>();

/** The background's answers as far as this page knows them; unknown hrefs are noted for `learnLinkRules`. */
export const pageLinkRules: LinkRules = (href, base) => {
  const key = answerKey(href, base);
  const known = answers.get(key);
  if (known === undefined) missed.set(key, { href, base });
  return known;
};

/**
 * Asks the background about the hrefs looked up and not known since the last call (those already
 * asked for are not asked again). Resolves when all their answers are in; undefined when nothing
 * was missing. Rejects when the background did not answer (the hrefs are asked again next time).
 */
export function learnLinkRules(): Promise<void> | undefined {
  if (missed.size === 0) return undefined;
  const waits = new Set<Promise<void>>();
  const fresh: [string, { href: string; base: string }][] = [];
  for (const entry of missed) {
    const inFlight = asking.get(entry[0]);
    if (inFlight) waits.add(inFlight);
    else fresh.push(entry);
  }
  missed.clear();
  // One request per page base and chunk (a scan has one base; a single-page navigation brings another).
  const byBase = new Map<string, [string, string][]>();
  for (const [key, { href, base }] of fresh) {
    let list = byBase.get(base);
    if (!list) byBase.set(base, (list = []));
    list.push([key, href]);
  }
  for (const [base, list] of byBase) {
    for (let i = 0; i < list.length; i += MAX_HREFS_PER_REQUEST) {
      const chunk = list.slice(i, i + MAX_HREFS_PER_REQUEST);
      const done = ask('link-rules', { base, hrefs: chunk.map(([, href]) => href) })
        .then((res) => {
          chunk.forEach(([key], k) => answers.set(key, sanitize(res[k])));
        })
        .finally(() => {
          for (const [key] of chunk) asking.delete(key);
        });
      for (const [key] of chunk) asking.set(key, done);
      waits.add(done);
    }
  }
  return Promise.all(waits).then(() => undefined);
}

// Answers cross a message boundary: only string URLs are kept.
function sanitize(a: HrefAnswer | undefined): HrefAnswer {
  const credential = typeof a?.credential === 'string' ? a.credential : undefined;
  const target = typeof a?.target === 'string' ? a.target : undefined;
  return { ...(credential !== undefined ? { credential } : {}), ...(target !== undefined ? { target } : {}) };
}
