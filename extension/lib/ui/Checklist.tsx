/**
 * For learners: what is missing from their credential and what to ask the issuer for. The EU
 * mandatory elements that are missing or unclear, each with a concrete request, then the other
 * problems CredLens found (signature key, withdrawal status, dates, name, issuer trust).
 */
import type { ExplainedElement, Lang } from '../../../sdk/explain/types.js';
import type { Item } from '../protocol.js';
import { asks, type MandatoryKey, type ProblemKey } from './asks.js';
import { pageStrings, strings } from './strings.js';

/** One missing or unclear mandatory element and what to ask for. */
export interface ElementAsk {
  key: string;
  name: string;
  state: ExplainedElement['state'];
  stateLabel: string;
  /** Why it matters (the SDK's sentence for this element's state). */
  text: string;
  /** What to ask the issuer for. */
  ask: string;
}

/** One other problem and what to do about it. */
export interface ProblemAsk {
  key: ProblemKey;
  /** What CredLens found, in the SDK's words, when a check says it. */
  found?: string;
  ask: string;
}

/** The learner's checklist for `item`: missing / unclear mandatory elements, then other problems. */
export function checklistOf(item: Item, lang: Lang): { elements: ElementAsk[]; problems: ProblemAsk[]; read: boolean } {
  const a = asks(lang);
  if (item.state === 'pending') return { elements: [], problems: [], read: false };
  if (item.state === 'error') return { elements: [], problems: [{ key: 'fetchFailed', found: item.message, ask: a.problems.fetchFailed }], read: false };

  const r = item.report;
  const x = item.explained;
  const elements: ElementAsk[] = x.elements
    .filter((e) => e.mandatory && e.state !== 'present')
    .map((e) => ({
      key: e.key,
      name: e.name,
      state: e.state,
      stateLabel: e.stateLabel,
      text: e.text,
      ask: Object.prototype.hasOwnProperty.call(a.elements, e.key) ? a.elements[e.key as MandatoryKey] : '',
    }));

  const problems: ProblemAsk[] = [];
  const seen = new Set<ProblemKey>();
  const add = (key: ProblemKey, found?: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ key, ask: a.problems[key], ...(found ? { found } : {}) });
  };
  const byId = (id: string) => x.checks.filter((c) => c.id === id);

  if (r.verdict === 'revoked') add('revoked', x.verdict.meaning);
  if (r.verdict === 'expired') add('expired', x.verdict.meaning);
  if (r.verdict === 'not-yet-valid') add('notYetValid', x.verdict.meaning);
  for (const c of x.checks) {
    if (c.status === 'pass' || c.status === 'skip') continue;
    if (c.code === 'no-proof') add('noSignature', c.text);
    else if (c.code === 'unsupported-suite' || (c.id === 'proof' && c.status === 'unsupported')) add('unsupportedSignature', c.text);
    else if (
      c.code === 'key-not-found' || c.code === 'bad-key' || c.code === 'unsupported-did' ||
      (c.id === 'issuer-binding' && (c.status === 'fail' || c.status === 'error')) || (c.id === 'proof' && c.status === 'error')
    ) add('keyUnverifiable', c.text);
  }
  if (r.verdict === 'invalid' && !seen.has('noSignature') && !seen.has('keyUnverifiable')) {
    add('invalid', x.checks.find((c) => c.status === 'fail')?.text ?? x.verdict.meaning);
  }
  const status = byId('status')[0];
  if (status?.status === 'error') add('statusUnreadable', status.text);
  else if (status?.status === 'skip' && r.verdict !== 'invalid') add('noStatus', status.text);

  if (x.recipient?.state === 'mismatch') add('recipientMismatch', x.recipient.meaning);
  const learner = r.elements.learnerIdentification;
  if (learner && learner.state !== 'missing' && !r.credential.subject.name) add('nameNotStated');

  if (r.verdict !== 'invalid' && r.format !== 'unknown') {
    if (r.trust.level === 'unknown') add('issuerUnknown', x.trust.meaning);
    if (r.trust.level === 'distrusted') add('issuerDistrusted', x.trust.meaning);
  }
  return { elements, problems, read: r.format !== 'unknown' && x.elements.length > 0 };
}

const TONE = { present: 'ok', unclear: 'warn', missing: 'bad' } as const;

/** The learner's checklist: missing / unclear EU mandatory elements with what to ask for, and other fixes. */
export function Checklist({ item, lang }: { item: Item; lang: Lang }) {
  if (item.state === 'pending') return null;
  const s = strings(lang);
  const p = pageStrings(lang);
  const a = asks(lang);
  const { elements, problems, read } = checklistOf(item, lang);
  const completeness = item.state === 'done' ? item.explained.completeness : undefined;
  return (
    <section class="cl-card cl-checklist" aria-label={p.whatToAsk}>
      <h2>{p.whatToAsk}</h2>
      {completeness && <p>{completeness.text}</p>}
      {!read ? (
        item.state === 'done' && <p class="cl-muted">{s.noElements}</p>
      ) : elements.length === 0 ? (
        <p>{p.allElementsStated}</p>
      ) : (
        <ol class="cl-asks">
          {elements.map((e) => (
            <li key={e.key} data-element={e.key} data-state={e.state}>
              <strong>{e.name}</strong> <span class={`cl-pill cl-tone-${TONE[e.state]}`}>{e.stateLabel}</span>
              <p class="cl-small cl-muted">{e.text}</p>
              <p>{e.ask}</p>
              {e.state === 'unclear' && <p class="cl-small">{a.unclear}</p>}
            </li>
          ))}
        </ol>
      )}
      <h3>{p.otherProblems}</h3>
      {problems.length === 0 ? (
        <p>{p.nothingToFix}</p>
      ) : (
        <ul class="cl-problems">
          {problems.map((p) => (
            <li key={p.key} data-problem={p.key}>
              {p.found && <p class="cl-small cl-muted">{p.found}</p>}
              <p>{p.ask}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
