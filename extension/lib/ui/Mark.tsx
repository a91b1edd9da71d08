/**
 * The small inline status mark shown next to a credential link: an icon, a short text and, for
 * assistive technology, the full meaning. A green tick is only ever shown for a genuine credential
 * whose issuer a trust source vouches for and that is not known to belong to someone else.
 */
import type { Lang } from '../../../sdk/explain/types.js';
import type { Item } from '../protocol.js';
import { strings } from './strings.js';

/** How a mark looks: ok (green), warn (amber), bad (red), info (grey). */
export type Tone = 'ok' | 'warn' | 'bad' | 'info';

/** What a mark says about an item. */
export interface MarkInfo {
  tone: Tone;
  /** A symbol, decorative (the text carries the meaning). */
  icon: string;
  /** The short visible text. */
  text: string;
  /** The full meaning, for screen readers and the tooltip. */
  label: string;
  /** 'pending', 'error', or the verdict; 'valid' is refined by trust and recipient. */
  state: string;
}

/** What the mark for `item` shows, in `lang`. Pure: used by the mark, the list and the tests. */
export function markInfo(item: Item, lang: Lang): MarkInfo {
  const s = strings(lang);
  if (item.state === 'pending') return { tone: 'info', icon: '…', text: s.checking, label: `${s.credlens}: ${s.checkingLong}`, state: 'pending' };
  if (item.state === 'error') {
    return { tone: 'info', icon: '?', text: s.couldNotRead, label: `${s.credlens}: ${s.couldNotReadLong} ${item.message}`, state: 'error' };
  }
  const x = item.explained;
  const verdict = `${x.verdict.headline}. ${x.verdict.meaning}`;
  const trust = ` ${x.trust.label}: ${x.trust.meaning}`;
  const recipient = x.recipient && x.recipient.state !== 'unknown' ? ` ${x.recipient.label}: ${x.recipient.meaning}` : '';
  // Valid: the refined short text, then the verdict, trust and recipient. Otherwise the verdict says it all.
  const full = (text: string, valid: boolean) => `${s.credlens}: ${valid ? `${text}. ${verdict}${trust}` : verdict}${recipient}`;
  switch (x.verdict.verdict) {
    case 'valid': {
      if (x.recipient?.state === 'mismatch') return { tone: 'bad', icon: '!', text: s.markMismatch, label: full(s.markMismatch, true), state: 'valid-mismatch' };
      switch (x.trust.level) {
        case 'recognised':
          return { tone: 'ok', icon: '✓', text: s.markRecognised, label: full(s.markRecognised, true), state: 'valid-recognised' };
        case 'known':
          return { tone: 'ok', icon: '✓', text: s.markKnown, label: full(s.markKnown, true), state: 'valid-known' };
        case 'distrusted':
          return { tone: 'bad', icon: '!', text: s.markDistrusted, label: full(s.markDistrusted, true), state: 'valid-distrusted' };
        default:
          return { tone: 'warn', icon: '?', text: s.markUnknownIssuer, label: full(s.markUnknownIssuer, true), state: 'valid-unknown' };
      }
    }
    case 'invalid':
    case 'revoked':
      return { tone: 'bad', icon: '✗', text: x.verdict.headline, label: full(x.verdict.headline, false), state: x.verdict.verdict };
    case 'expired':
    case 'not-yet-valid':
      return { tone: 'warn', icon: '!', text: x.verdict.headline, label: full(x.verdict.headline, false), state: x.verdict.verdict };
    default:
      return { tone: 'warn', icon: '?', text: x.verdict.headline, label: full(x.verdict.headline, false), state: x.verdict.verdict };
  }
}

/** The inline status mark for one item: icon, short text, and the full meaning as its accessible name. */
export function Mark({ item, lang }: { item: Item; lang: Lang }) {
  const m = markInfo(item, lang);
  return (
    <span class={`cl-mark cl-tone-${m.tone}`} data-state={m.state} role="img" aria-label={m.label} title={m.label}>
      <span class="cl-mark-icon" aria-hidden="true">
        {m.icon}
      </span>
      <span class="cl-mark-text" aria-hidden="true">
        {m.text}
      </span>
    </span>
  );
}
