/**
 * Every credential on a page (or in a CV): counts at the top, one row per credential with its mark
 * and the employer view in one line, expandable to the full card; scan and export buttons.
 */
import { useState } from 'preact/hooks';
import type { Lang } from '../../../sdk/explain/types.js';
import type { Item, PageSummary } from '../protocol.js';
import { Card, issuerOf, titleOf } from './Card.js';
import { download, exportName, summaryToCsv, summaryToJson } from './export.js';
import { Mark } from './Mark.js';
import { fill, strings, type UiStrings } from './strings.js';

/** Counts for the top of the list: all, genuine, with problems, still being checked. */
export function countItems(items: readonly Item[]): { all: number; good: number; problem: number; pending: number } {
  let good = 0;
  let problem = 0;
  let pending = 0;
  for (const i of items) {
    if (i.state === 'pending') pending++;
    else if (i.state === 'done' && i.report.verdict === 'valid') good++;
    else problem++;
  }
  return { all: items.length, good, problem, pending };
}

/** The one-line employer view of a verified item: verdict · trust · assessment · EU elements · recipient. */
function metaLine(item: Item, s: UiStrings): string {
  if (item.state !== 'done') return item.state === 'error' ? item.message : '';
  const x = item.explained;
  const parts = [x.verdict.headline, x.trust.label];
  if (x.assessment) parts.push(x.assessment.label);
  if (x.completeness) parts.push(fill(s.elementsShort, { present: x.completeness.mandatoryPresent, total: x.completeness.mandatoryTotal }));
  if (x.recipient) parts.push(x.recipient.label);
  return parts.join(' · ');
}

function Row({ item, lang, index }: { item: Item; lang: Lang; index: number }) {
  const [open, setOpen] = useState(false);
  const s = strings(lang);
  const issuer = issuerOf(item);
  const meta = metaLine(item, s);
  const cardId = `cl-card-${index}`;
  return (
    <li class="cl-item" data-state={item.state} data-verdict={item.state === 'done' ? item.report.verdict : item.state} data-credential-url={item.url}>
      <p class="cl-item-title">{titleOf(item, lang)}</p>
      {issuer && <p class="cl-item-meta">{issuer}</p>}
      <Mark item={item} lang={lang} />
      {meta && <p class="cl-item-meta">{meta}</p>}
      <button type="button" aria-expanded={open} aria-controls={cardId} onClick={() => setOpen(!open)}>
        {open ? s.hideDetails : s.details}
      </button>
      {open && (
        <div id={cardId}>
          <Card item={item} lang={lang} />
        </div>
      )}
    </li>
  );
}

/** The credentials of one page, with counts, an optional "Scan this page" button, and JSON / CSV export. */
export function List({ summary, lang, onScan, scanning }: { summary: PageSummary; lang: Lang; onScan?: () => void; scanning?: boolean }) {
  const s = strings(lang);
  const c = countItems(summary.items);
  const empty = summary.items.length === 0;
  return (
    <div class="cl-listview">
      <ul class="cl-counts" aria-live="polite">
        <li>
          <strong>{fill(s.countAll, { n: c.all })}</strong>
        </li>
        {c.good > 0 && <li>{fill(s.countGood, { n: c.good })}</li>}
        {c.problem > 0 && <li>{fill(s.countProblem, { n: c.problem })}</li>}
        {c.pending > 0 && <li>{fill(s.countPending, { n: c.pending })}</li>}
      </ul>
      <div class="cl-toolbar">
        {onScan && (
          <button type="button" class="cl-primary" onClick={onScan} disabled={scanning}>
            {scanning ? s.scanning : s.scanPage}
          </button>
        )}
        <button type="button" disabled={empty} onClick={() => download(exportName(summary, 'json'), summaryToJson(summary), 'application/json')}>
          {s.exportJson}
        </button>
        {/* A BOM so spreadsheet programs read the file as UTF-8. */}
        <button type="button" disabled={empty} onClick={() => download(exportName(summary, 'csv'), '\uFEFF' + summaryToCsv(summary), 'text/csv;charset=utf-8')}>
          {s.exportCsv}
        </button>
      </div>
      {empty ? (
        <p class="cl-muted">{s.noCredentials}</p>
      ) : (
        <ul class="cl-list" aria-label={s.listLabel}>
          {summary.items.map((item, i) => (
            <Row key={item.url} item={item} lang={lang} index={i} />
          ))}
        </ul>
      )}
    </div>
  );
}
