/**
 * CredLens's Preact UI: the inline mark, the details card, the learner checklist, the page list,
 * exports, strings and the stylesheet. Components take their data as props and use no extension
 * APIs, so they run in tests, on extension pages and inside a content script's shadow root.
 * (The content script should import `Mark` and `Card` from their own modules to keep its bundle small.)
 */
export { Mark, markInfo, type MarkInfo, type Tone } from './Mark.js';
export { Card, ExtLink, safeHref, valueText, formatDate, formatTime, titleOf, issuerOf, adviceFor } from './Card.js';
export { Checklist, checklistOf, type ElementAsk, type ProblemAsk } from './Checklist.js';
export { List, countItems } from './List.js';
export { summaryToJson, summaryToCsv, csvCell, download, exportName, CSV_COLUMNS, type ExportedItem } from './export.js';
export { STRINGS, strings, PAGE_STRINGS, pageStrings, fill, type UiStrings, type PageStrings } from './strings.js';
export { ASKS, asks, type Asks, type MandatoryKey, type ProblemKey } from './asks.js';
export { STYLES, CSS } from './styles.js';
