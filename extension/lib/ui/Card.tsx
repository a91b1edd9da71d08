/**
 * The details card of one credential: verdict and why, issuer and trust, dates and withdrawal,
 * whether it belongs to this person, what was assessed and how, workload / level / quality
 * assurance, the EU elements, and links to the credential and its platform page.
 *
 * Every sentence about the credential comes precomputed from the SDK (`item.explained`); values
 * from the credential itself are rendered as text nodes only, and URLs become links only when they
 * are http(s).
 */
import { Fragment, type ComponentChildren } from 'preact';
import type { ExplainedCheck, ExplainedElement, ExplainedReport, Lang } from '../../../sdk/explain/types.js';
import type { Report } from '../../../sdk/report/types.js';
import type { FailedItem, Item, VerifiedItem } from '../protocol.js';
import { Mark, markInfo, type Tone } from './Mark.js';
import { fill, strings, type UiStrings } from './strings.js';
import { httpUrl } from '../../../sdk/util/url.js';

// ---- helpers shared with the list, checklist and export ---------------------------------------

/** The URL as an absolute http(s) href, or undefined (javascript:, data:, relative, malformed...). */
export function safeHref(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.length > 4096) return undefined;
  return httpUrl(url)?.href;
}

/** A link that opens in a new tab when `href` is http(s); otherwise its text, not a link. */
export function ExtLink({ href, children }: { href: unknown; children?: ComponentChildren }) {
  const safe = safeHref(href);
  const content = children ?? (typeof href === 'string' ? href : '');
  if (!safe) return <span>{content}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {content}
    </a>
  );
}

const MAX_VALUE = 240;

function clip(s: string, max = MAX_VALUE): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function prim(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Fields read from an element's value object, most telling first. */
const VALUE_FIELDS = ['name', 'title', 'fullName', 'legalName', 'body', 'value', 'statement', 'description', 'volumeOfLearning', 'identityType', 'assessmentType'];
/** Identifiers, shown only when nothing more telling is stated. */
const ID_FIELDS = ['id', 'url'];

/**
 * A short plain-text rendering of an element value as the credential states it (strings, numbers,
 * and for objects the fields that say the most). Never adds anything the value does not hold.
 */
export function valueText(v: unknown, depth = 0): string {
  const p = prim(v);
  if (p !== undefined) return clip(p);
  if (typeof v === 'boolean') return String(v);
  if (depth > 2 || v === null || typeof v !== 'object') return '';
  if (Array.isArray(v)) {
    const parts = v.slice(0, 5).map((x) => valueText(x, depth + 1)).filter((x) => x !== '');
    return clip(parts.join('; ') + (v.length > 5 ? '; …' : ''));
  }
  const o = v as Record<string, unknown>;
  const parts: string[] = [];
  if (prim(o.framework) && prim(o.level)) parts.push(`${prim(o.framework)} ${prim(o.level)}`);
  else if (prim(o.credits)) parts.push(prim(o.unit) ? `${prim(o.credits)} ${prim(o.unit)}` : prim(o.credits)!);
  else if (prim(o.hours)) parts.push(`${prim(o.hours)} h`);
  else if (prim(o.givenName) || prim(o.familyName)) parts.push([prim(o.givenName), prim(o.familyName)].filter(Boolean).join(' '));
  for (const k of VALUE_FIELDS) {
    if (parts.length >= 3) break;
    const x = prim(o[k]);
    if (x !== undefined && !parts.includes(x)) parts.push(x);
  }
  for (const k of ID_FIELDS) {
    const x = prim(o[k]);
    if (parts.length === 0 && x !== undefined) parts.push(x);
  }
  if (parts.length === 0) {
    for (const x of Object.values(o)) {
      const t = prim(x) ?? (typeof x === 'object' ? valueText(x, depth + 1) : undefined);
      if (t) parts.push(t);
      if (parts.length >= 3) break;
    }
  }
  return clip(parts.join(' · '));
}

/** A credential date in `lang` (the day, in UTC, as credentials state it); the raw text if unreadable. */
export function formatDate(iso: string | undefined, lang: Lang): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return clip(iso, 60);
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
  } catch {
    return iso.slice(0, 10);
  }
}

/** A point in time (when a check ran) in `lang`, local time. */
export function formatTime(iso: string | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return clip(iso, 60);
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  } catch {
    return iso;
  }
}

/** The name to show for an item: the credential's name, its achievement's, the link text, or the URL. */
export function titleOf(item: Item, lang: Lang): string {
  if (item.state === 'done') {
    const c = item.report.credential;
    const name = prim(c.name) ?? prim(c.achievement?.name);
    if (name) return clip(name, 200);
  }
  return clip(prim(item.text) ?? prim(item.url) ?? strings(lang).untitled, 200);
}

/** The issuer's name (or id) as the credential states it. */
export function issuerOf(item: Item): string | undefined {
  if (item.state !== 'done') return undefined;
  const i = item.report.credential.issuer;
  const v = prim(i.name) ?? prim(i.id);
  return v === undefined ? undefined : clip(v, 200);
}

const STATE_TONE: Record<ExplainedElement['state'], Tone> = { present: 'ok', unclear: 'warn', missing: 'bad' };
const SIGNAL_TONE: Record<string, Tone> = { positive: 'ok', negative: 'bad', neutral: 'info' };
const CHECK_TONE: Record<ExplainedCheck['status'], Tone> = { pass: 'ok', fail: 'bad', warn: 'warn', skip: 'info', unsupported: 'warn', error: 'warn' };
const RECIPIENT_TONE: Record<string, Tone> = { match: 'ok', mismatch: 'bad', unknown: 'warn' };
const TRUST_TONE: Record<string, Tone> = { recognised: 'ok', known: 'ok', unknown: 'warn', distrusted: 'bad' };
/** Checks that need a reader's attention. */
const ATTENTION = new Set<ExplainedCheck['status']>(['fail', 'error', 'unsupported', 'warn']);

function Pill({ tone, children }: { tone: Tone; children: ComponentChildren }) {
  return <span class={`cl-pill cl-tone-${tone}`}>{children}</span>;
}

/** "Open the credential", when its URL is http(s). */
function OpenLink({ url, s }: { url: string; s: UiStrings }) {
  if (!safeHref(url)) return null;
  return (
    <p class="cl-small">
      <ExtLink href={url}>{s.openCredential}</ExtLink>
    </p>
  );
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="cl-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

/** Advice for an error code the background reported. */
export function adviceFor(code: string, s: UiStrings): string {
  switch (code) {
    case 'blocked-address':
      return s.adviceBlocked;
    case 'network':
    case 'timeout':
    case 'http-status':
    case 'too-many-redirects':
      return s.adviceNetwork;
    case 'no-credential':
    case 'not-a-credential':
    case 'bad-content-type':
    case 'bad-json':
    case 'bad-jwt':
    case 'bad-png':
    case 'bad-svg':
    case 'bad-input':
      return s.adviceNotCredential;
    case 'too-large':
    case 'too-deep':
      return s.adviceTooLarge;
    case 'bad-url':
      return s.adviceBadUrl;
    default:
      return s.adviceGeneric;
  }
}

// ---- the card --------------------------------------------------------------------------------

/** The details card for one item (verified, failed or still being checked). */
export function Card({ item, lang, onClose }: { item: Item; lang: Lang; onClose?: () => void }) {
  const s = strings(lang);
  const title = titleOf(item, lang);
  const head = (
    <div class="cl-card-head">
      <h2>{title}</h2>
      {onClose && (
        <button type="button" class="cl-close" onClick={onClose} aria-label={s.close} title={s.close}>
          ×
        </button>
      )}
    </div>
  );
  if (item.state === 'pending') {
    return (
      <article class="cl-card" data-state="pending" aria-busy="true">
        {head}
        <Mark item={item} lang={lang} />
        <p role="status">{s.checkingLong}</p>
        <OpenLink url={item.url} s={s} />
      </article>
    );
  }
  if (item.state === 'error') return <FailedCard item={item} lang={lang} head={head} s={s} />;
  return <VerifiedCard item={item} lang={lang} head={head} s={s} />;
}

function FailedCard({ item, lang, head, s }: { item: FailedItem; lang: Lang; head: ComponentChildren; s: UiStrings }) {
  return (
    <article class="cl-card" data-state="error">
      {head}
      <Mark item={item} lang={lang} />
      <div class="cl-verdict cl-tone-info">
        <p>
          <strong>{s.couldNotReadLong}</strong>
        </p>
        <p>{item.message}</p>
      </div>
      <Section title={s.whatToDo}>
        <p>{adviceFor(item.code, s)}</p>
      </Section>
      <p class="cl-small cl-muted">
        {s.errorCode}: <code>{item.code}</code>
        {item.checkedAt ? ` · ${fill(s.checkedAt, { time: formatTime(item.checkedAt, lang) })}` : ''}
      </p>
      <OpenLink url={item.url} s={s} />
    </article>
  );
}

function VerifiedCard({ item, lang, head, s }: { item: VerifiedItem; lang: Lang; head: ComponentChildren; s: UiStrings }) {
  const r = item.report;
  const x = item.explained;
  const tone = markInfo(item, lang).tone;
  const attention = x.checks.filter((c) => ATTENTION.has(c.status));
  // Nothing was read (not a credential): no employer view, as in the CLI.
  const read = r.format !== 'unknown';
  const about = prim(r.credential.achievement?.description);
  return (
    <article class="cl-card" data-state="done" data-verdict={r.verdict} lang={lang}>
      {head}
      {about && <p class="cl-small cl-muted cl-about">{clip(about, 400)}</p>}
      <Mark item={item} lang={lang} />
      <div class={`cl-verdict cl-tone-${tone}`}>
        <p>
          <strong>{x.verdict.headline}</strong>
        </p>
        <p>{x.verdict.meaning}</p>
      </div>
      {attention.length > 0 && (
        <Section title={s.attention}>
          <ul>
            {attention.map((c, i) => (
              <li key={`${c.id}-${i}`}>
                <Pill tone={CHECK_TONE[c.status]}>{c.statusLabel}</Pill> {c.text}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {read && <RecipientSection r={r} x={x} s={s} />}
      <IssuerSection r={r} x={x} s={s} read={read} />
      <DatesSection r={r} x={x} s={s} lang={lang} />
      {read && <AssessmentSection r={r} x={x} s={s} />}
      {read && <SubstanceSection r={r} x={x} s={s} />}
      {read && <ElementsSection r={r} x={x} s={s} />}
      <section class="cl-section">
        {r.platform && safeHref(r.platform.page) && (
          <p class="cl-small">
            <ExtLink href={r.platform.page}>{fill(s.openOn, { name: clip(r.platform.name, 80) })}</ExtLink>
          </p>
        )}
        <OpenLink url={item.url} s={s} />
        <details>
          <summary>{s.allChecks}</summary>
          <ul>
            {x.checks.map((c, i) => (
              <li key={`${c.id}-${i}`}>
                <Pill tone={CHECK_TONE[c.status]}>{c.statusLabel}</Pill> {c.text}
                {c.detail && c.detail !== c.text && <div class="cl-small cl-muted">{`${s.technical}: ${c.detail}`}</div>}
              </li>
            ))}
          </ul>
          <p class="cl-small cl-muted">{`${s.format}: ${r.format}`}</p>
        </details>
        <p class="cl-small cl-muted">{fill(s.checkedAt, { time: formatTime(item.checkedAt, lang) })}</p>
      </section>
    </article>
  );
}

type SectionProps = { r: Report; x: ExplainedReport; s: UiStrings };

function RecipientSection({ r, x, s }: SectionProps) {
  const subject = prim(r.credential.subject.name) ?? prim(r.credential.subject.id);
  return (
    <Section title={s.recipientHeading}>
      {x.recipient ? (
        <>
          <p>
            <Pill tone={RECIPIENT_TONE[x.recipient.state] ?? 'info'}>{x.recipient.label}</Pill> {x.recipient.meaning}
          </p>
          {x.recipient.detail && <p class="cl-small cl-muted">{x.recipient.detail}</p>}
        </>
      ) : (
        <p class="cl-muted">{s.notCompared}</p>
      )}
      {subject && (
        <dl class="cl-facts">
          <dt>{s.awardedTo}</dt>
          <dd>{clip(subject, 200)}</dd>
        </dl>
      )}
    </Section>
  );
}

function IssuerSection({ r, x, s, read }: SectionProps & { read: boolean }) {
  const i = r.credential.issuer;
  const name = prim(i.name);
  const id = prim(i.id);
  const url = prim(i.url);
  return (
    <Section title={s.issuerHeading}>
      {(name || id || url) && (
        <dl class="cl-facts">
          {name && (
            <>
              <dt>{s.issuerName}</dt>
              <dd>{clip(name, 200)}</dd>
            </>
          )}
          {id && (
            <>
              <dt>{s.issuerId}</dt>
              <dd>
                <ExtLink href={id}>{clip(id, 200)}</ExtLink>
              </dd>
            </>
          )}
          {url && (
            <>
              <dt>{s.issuerWebsite}</dt>
              <dd>
                <ExtLink href={url}>{clip(url, 200)}</ExtLink>
              </dd>
            </>
          )}
        </dl>
      )}
      {read && (
        <>
          <p>
            <Pill tone={TRUST_TONE[x.trust.level] ?? 'info'}>{x.trust.label}</Pill> {x.trust.meaning}
          </p>
          {x.trust.signals.length > 0 ? (
            <ul aria-label={s.trustSignals}>
              {x.trust.signals.map((sig, n) => (
                <li key={`${sig.id}-${n}`}>
                  <Pill tone={SIGNAL_TONE[sig.status] ?? 'info'}>{sig.statusLabel}</Pill> {sig.text}
                  {sig.source && <span class="cl-small cl-muted">{` (${s.source}: ${clip(sig.source, 160)})`}</span>}
                </li>
              ))}
            </ul>
          ) : (
            <p class="cl-muted">{s.noSignals}</p>
          )}
        </>
      )}
    </Section>
  );
}

function DatesSection({ r, x, s, lang }: SectionProps & { lang: Lang }) {
  const status = x.checks.find((c) => c.id === 'status');
  return (
    <Section title={s.datesHeading}>
      <dl class="cl-facts">
        <dt>{s.issued}</dt>
        <dd>{r.credential.issued ? <time dateTime={r.credential.issued}>{formatDate(r.credential.issued, lang)}</time> : s.notStated}</dd>
        <dt>{s.expires}</dt>
        <dd>{r.credential.expires ? <time dateTime={r.credential.expires}>{formatDate(r.credential.expires, lang)}</time> : s.noExpiry}</dd>
        {status && (
          <>
            <dt>{s.revocation}</dt>
            <dd>
              <Pill tone={CHECK_TONE[status.status]}>{status.statusLabel}</Pill> {status.text}
            </dd>
          </>
        )}
      </dl>
    </Section>
  );
}

function AssessmentSection({ r, x, s }: SectionProps) {
  const a = x.assessment;
  if (!a) return null;
  const evidence = r.assessment?.evidence ?? [];
  return (
    <Section title={s.assessedHeading}>
      <p>
        <Pill tone={a.kind === 'assessed' ? 'ok' : a.kind === 'participation' ? 'warn' : 'info'}>{a.label}</Pill> {a.meaning}
      </p>
      {a.identityVerification && (
        <p>
          <strong>{`${s.identityCheck}: `}</strong>
          {`${a.identityVerification.label}. ${a.identityVerification.meaning}`}
        </p>
      )}
      {evidence.length > 0 && (
        <details>
          <summary>{s.evidence}</summary>
          <ul class="cl-small">
            {evidence.slice(0, 10).map((e, i) => (
              <li key={i}>{clip(String(e), 400)}</li>
            ))}
          </ul>
        </details>
      )}
    </Section>
  );
}

const SUBSTANCE = ['workload', 'level', 'qualityAssurance'] as const;

function SubstanceSection({ r, x, s }: SectionProps) {
  const rows = SUBSTANCE.map((key) => ({ key, ex: x.elements.find((e) => e.key === key), el: r.elements[key] })).filter((row) => row.ex);
  if (rows.length === 0) return null;
  return (
    <Section title={s.substanceHeading}>
      <dl class="cl-facts">
        {rows.map(({ key, ex, el }) => {
          const value = el && el.state !== 'missing' ? valueText(el.value) : '';
          return (
            <Fragment key={key}>
              <dt>{ex!.name}</dt>
              <dd>
                <Pill tone={STATE_TONE[ex!.state]}>{ex!.stateLabel}</Pill> {value || ex!.text}
              </dd>
            </Fragment>
          );
        })}
      </dl>
    </Section>
  );
}

function ElementRow({ e, r }: { e: ExplainedElement; r: Report }) {
  const el = r.elements[e.key];
  const value = el && el.state !== 'missing' ? valueText(el.value) : '';
  return (
    <li data-element={e.key} data-state={e.state}>
      <Pill tone={STATE_TONE[e.state]}>{e.stateLabel}</Pill>
      <span>
        <strong>{e.name}</strong>
        {value ? `: ${value}` : e.state !== 'present' ? ` · ${e.text}` : ''}
      </span>
    </li>
  );
}

function ElementsSection({ r, x, s }: SectionProps) {
  const mandatory = x.elements.filter((e) => e.mandatory);
  const optional = x.elements.filter((e) => !e.mandatory);
  return (
    <Section title={s.elementsHeading}>
      {x.elements.length === 0 ? (
        <p class="cl-muted">{s.noElements}</p>
      ) : (
        <>
          {x.completeness && <p>{x.completeness.text}</p>}
          <ul class="cl-els" aria-label={s.mandatoryElements}>
            {mandatory.map((e) => (
              <ElementRow key={e.key} e={e} r={r} />
            ))}
          </ul>
          {optional.length > 0 && (
            <details>
              <summary>{s.optionalElements}</summary>
              <ul class="cl-els">
                {optional.map((e) => (
                  <ElementRow key={e.key} e={e} r={r} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </Section>
  );
}
