/**
 * Person-name comparison for recipient matching: tolerant of case, diacritics (NFKD, marks
 * stripped; German umlaut spellings ä/ae), word order, hyphen / space variants, initials
 * ("A. Nováková-Schmidt"), titles and degrees ("Dr.", "Prof.", "Dipl.-Ing.", "MSc"), omitted
 * middle names, and Cyrillic / Greek script (transliterated, then compared on a lenient
 * skeleton that absorbs the usual romanisation differences: y/i/j, kh/ch/h, ts/c, ou/u).
 * Names in other scripts compare only exactly (ignoring spaces and word order).
 *
 * Never tolerant of a different name: every part of the shorter name must match a part of the
 * other one exactly (after the foldings above), or as an initial; one swapped letter is a mismatch.
 */

export interface NameComparison {
  result: 'match' | 'mismatch' | 'unknown';
  /** What was ignored to match, or why not comparable. */
  notes: string[];
}

// ---- titles and degrees --------------------------------------------------------------------------

/** Titles, honorifics, degrees and suffixes (lower case, dots and hyphens removed). Dropped when written with a dot. */
const TITLES = new Set([
  'dr', 'prof', 'mr', 'mrs', 'ms', 'miss', 'mx', 'sir', 'dame', 'lord', 'lady', 'rev', 'hon', 'herr', 'frau', 'mme', 'mlle', 'mag',
  'ing', 'dipl', 'dipling', 'diplkfm', 'diplpsych', 'diplinf', 'dring', 'drrernat', 'drmed', 'drphil', 'drjur', 'drhc', 'drhab', 'hab',
  'univprof', 'privdoz', 'doz', 'ao', 'aouniv', 'mgr', 'bc', 'rndr', 'judr', 'phdr', 'mudr', 'mvdr', 'paeddr', 'thdr', 'doc', 'inz', 'lic',
  'phd', 'dphil', 'md', 'mba', 'msc', 'bsc', 'ma', 'ba', 'meng', 'beng', 'llm', 'llb', 'mphil', 'mres', 'bed', 'med', 'habil', 'rer', 'nat',
  'jur', 'phil', 'jr', 'sr', 'jun', 'sen', 'esq', 'dott', 'dottssa', 'sig', 'sra', 'srta', 'ir', 'drs', 'mr', 'bsc', 'ii', 'iii', 'iv',
]);
/** Titles dropped even without a dot (never plausible as a name part). */
const STRONG_TITLES = new Set([
  'dr', 'prof', 'mr', 'mrs', 'ms', 'mx', 'phd', 'mba', 'msc', 'bsc', 'dipling', 'univprof', 'privdoz', 'mag', 'mgr', 'bc', 'rndr', 'judr',
  'phdr', 'mudr', 'llm', 'dphil', 'habil', 'jr', 'frau', 'herr', 'mme', 'mlle', 'dring', 'drrernat', 'drmed', 'drphil', 'iii',
]);

// ---- scripts and transliteration -------------------------------------------------------------------

const CYRILLIC: Record<string, string | string[]> = {
  а: 'a', б: 'b', в: 'v', г: ['g', 'h'], ґ: 'g', д: 'd', е: 'e', ё: 'e', є: ['ye', 'ie', 'je'], ж: 'zh', з: 'z', и: ['i', 'y'], і: 'i',
  ї: ['yi', 'i', 'ji'], й: ['y', 'i', 'j'], к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: ['kh', 'h', 'ch'], ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: ['yu', 'iu', 'ju'], я: ['ya', 'ia', 'ja'],
  ў: 'u', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'ch', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
};
const GREEK_DIGRAPHS: [RegExp, string][] = [
  [/ου/g, 'ou'], [/αι/g, 'ai'], [/ει/g, 'ei'], [/οι/g, 'oi'], [/αυ/g, 'av'], [/ευ/g, 'ev'], [/ηυ/g, 'iv'],
  [/^μπ/g, 'b'], [/μπ/g, 'mb'], [/^ντ/g, 'd'], [/ντ/g, 'nt'], [/^γκ/g, 'g'], [/γκ/g, 'ng'], [/γγ/g, 'ng'], [/γξ/g, 'nx'], [/γχ/g, 'nch'],
];
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p',
  ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};
/** Latin letters NFKD does not decompose. */
const LATIN_SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŋ: 'ng', ħ: 'h' };
/** Latin letters whose Cyrillic counterparts romanise as digraphs (compared in transliteration mode only). */
const SLAVIC_LATIN: Record<string, string> = { š: 'sh', ž: 'zh', č: 'ch', ć: 'ch', ś: 'sh', ź: 'zh', ż: 'zh', ř: 'rzh' };
const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' };

type Script = 'latin' | 'cyrillic' | 'greek' | 'other';

function scriptsOf(s: string): Set<Script> {
  const out = new Set<Script>();
  for (const c of s) {
    if (!/\p{L}/u.test(c)) continue;
    if (/\p{Script=Latin}/u.test(c)) out.add('latin');
    else if (/\p{Script=Cyrillic}/u.test(c)) out.add('cyrillic');
    else if (/\p{Script=Greek}/u.test(c)) out.add('greek');
    else out.add('other');
  }
  return out;
}

const stripMarks = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');
const mapChars = (s: string, table: Record<string, string>) => [...s].map((c) => table[c] ?? c).join('');

/** Romanisations of one lower-case token in Cyrillic or Greek (a few variants for letters romanised differently). */
function transliterate(token: string): string[] {
  let variants = [''];
  for (const c of token) {
    const m = CYRILLIC[c];
    const options = m === undefined ? [c] : Array.isArray(m) ? m : [m];
    variants = variants.flatMap((v) => options.map((o) => v + o)).slice(0, 32);
  }
  return [...new Set(variants.map((v) => {
    let g = stripMarks(v);
    for (const [re, to] of GREEK_DIGRAPHS) g = g.replace(re, to);
    return mapChars(g, GREEK);
  }))];
}

/** The lenient skeleton used when one name was transliterated: absorbs common romanisation differences. */
function skeleton(s: string): string {
  return s
    .replace(/x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/[kc]h/g, 'h')
    .replace(/t[sz]/g, 'c')
    .replace(/[yj]/g, 'i')
    .replace(/w/g, 'v')
    .replace(/ou/g, 'u')
    .replace(/(.)\1+/g, '$1');
}

// ---- tokens --------------------------------------------------------------------------------------

interface Token {
  /** As written (without dots / apostrophes), for notes. */
  raw: string;
  /** Comparison forms (folded, German spelling, transliterations). */
  forms: string[];
  initial: boolean;
}

interface Parsed {
  tokens: Token[];
  titles: string[];
  hyphenated: boolean;
  transliterated: Script[];
  scripts: Set<Script>;
}

const HYPHENS = /[-‐‑‒–—―_]/;
const APOSTROPHES = /['’ʼ`´‘]/g;

function parseName(name: string, translitMode: boolean): Parsed {
  const s = name.normalize('NFC').replace(/\([^)]*\)/g, ' ').trim();
  const scripts = scriptsOf(s);
  const raws = s.split(/[\s,;/]+/).filter((t) => t !== '');
  const titles: string[] = [];
  const kept: string[] = [];
  raws.forEach((r, i) => {
    const key = r.toLowerCase().replace(/[.\s]/g, '').replace(new RegExp(HYPHENS.source, 'g'), '');
    // "M.A." first in a name is more likely two initials than a degree.
    const initialsFirst = i === 0 && /^(?:\p{L}\.){2,}$/u.test(r) && !STRONG_TITLES.has(key);
    if (!initialsFirst && TITLES.has(key) && (r.includes('.') || STRONG_TITLES.has(key))) titles.push(r);
    else kept.push(r);
  });
  // A name made only of titles keeps them (e.g. someone named "Sir"): nothing is dropped.
  const use = kept.length > 0 ? kept : raws;
  if (kept.length === 0) titles.length = 0;
  const tokens: Token[] = [];
  let hyphenated = false;
  const transliterated = new Set<Script>();
  for (const r of use) {
    let parts: { text: string; dotted: boolean }[];
    if (/^(?:\p{L}\.){2,}$/u.test(r)) parts = r.split('.').filter(Boolean).map((t) => ({ text: t, dotted: true }));
    else {
      const pieces = r.split(HYPHENS).filter(Boolean);
      if (pieces.length > 1) hyphenated = true;
      parts = pieces.map((p) => ({ text: p, dotted: p.endsWith('.') }));
    }
    for (const { text, dotted } of parts) {
      const clean = text.replace(/\./g, '').replace(APOSTROPHES, '');
      if (!/\p{L}/u.test(clean)) continue;
      const lower = clean.toLowerCase();
      const initial = !scriptsOf(clean).has('other') && ([...lower].length === 1 || (dotted && [...lower].length <= 2));
      tokens.push({ raw: clean, forms: formsOf(lower, translitMode, transliterated), initial });
    }
  }
  return { tokens, titles, hyphenated, transliterated: [...transliterated], scripts };
}

function formsOf(lower: string, translitMode: boolean, transliterated: Set<Script>): string[] {
  const tokenScripts = scriptsOf(lower);
  if (tokenScripts.has('cyrillic') || tokenScripts.has('greek')) {
    for (const sc of tokenScripts) if (sc === 'cyrillic' || sc === 'greek') transliterated.add(sc);
    return [...new Set(transliterate(lower).map(skeleton))];
  }
  if (tokenScripts.has('other')) return [lower.normalize('NFKC')];
  if (translitMode) return [skeleton(mapChars(stripMarks(mapChars(mapChars(lower, SLAVIC_LATIN), LATIN_SPECIAL)), LATIN_SPECIAL))];
  const folded = mapChars(stripMarks(mapChars(lower, LATIN_SPECIAL)), LATIN_SPECIAL);
  const german = mapChars(stripMarks(mapChars(mapChars(lower, GERMAN), LATIN_SPECIAL)), LATIN_SPECIAL);
  return [...new Set([folded, german])];
}

// ---- matching -------------------------------------------------------------------------------------

interface Pairing {
  pairs: [number, number][];
  full: number;
  initials: number;
}

const sameForm = (a: Token, b: Token) => a.forms.some((f) => b.forms.includes(f));
function initialFits(init: Token, other: Token): boolean {
  return init.forms.some((i) => other.forms.some((f) => f.startsWith(i) || (other.initial && i.startsWith(f))));
}

/** Best injective pairing of every token of `short` with a token of `long` (most full matches first). */
function pairTokens(short: Token[], long: Token[]): Pairing | undefined {
  let best: Pairing | undefined;
  const used = new Set<number>();
  const pairs: [number, number][] = [];
  let steps = 0;
  const walk = (i: number, full: number, initials: number) => {
    if (++steps > 20_000) return;
    if (i === short.length) {
      if (!best || full > best.full || (full === best.full && initials < best.initials)) best = { pairs: [...pairs], full, initials };
      return;
    }
    const a = short[i]!;
    for (let j = 0; j < long.length; j++) {
      if (used.has(j)) continue;
      const b = long[j]!;
      let kind: 'full' | 'initial' | undefined;
      if (!a.initial && !b.initial && sameForm(a, b)) kind = 'full';
      else if (a.initial && initialFits(a, b)) kind = 'initial';
      else if (b.initial && initialFits(b, a)) kind = 'initial';
      if (!kind) continue;
      used.add(j);
      pairs.push([i, j]);
      walk(i + 1, full + (kind === 'full' ? 1 : 0), initials + (kind === 'initial' ? 1 : 0));
      pairs.pop();
      used.delete(j);
    }
  };
  walk(0, 0, 0);
  return best;
}

const SCRIPT_NAMES: Record<Script, string> = { latin: 'Latin', cyrillic: 'Cyrillic', greek: 'Greek', other: 'another script' };

/**
 * Compares the name on a credential with the name a candidate gave. `match` with notes on what
 * was ignored, `mismatch`, or `unknown` when the names cannot be compared (scripts CredLens does
 * not transliterate on one side only, or too little of a name to compare).
 */
export function compareNames(onCredential: string, given: string): NameComparison {
  if (onCredential.trim() === '' || given.trim() === '') return { result: 'unknown', notes: ['a name is empty'] };
  const spaced = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (spaced(onCredential) === spaced(given)) return { result: 'match', notes: [] };
  const sc = scriptsOf(onCredential);
  const sg = scriptsOf(given);
  const otherC = sc.has('other');
  const otherG = sg.has('other');
  if (otherC !== otherG) {
    const names = [...new Set([...sc, ...sg])].map((s) => SCRIPT_NAMES[s]).join(' and ');
    return { result: 'unknown', notes: [`the names are written in different scripts (${names}) that CredLens does not transliterate`] };
  }
  const nonLatin = (s: Set<Script>) => s.has('cyrillic') || s.has('greek');
  const translitMode = nonLatin(sc) || nonLatin(sg);
  const c = parseName(onCredential, translitMode);
  const g = parseName(given, translitMode);
  if (c.tokens.length === 0 || g.tokens.length === 0) return { result: 'unknown', notes: ['a name has no letters to compare'] };

  const notes: string[] = [];
  // A title written on both sides is no difference; one written on one side only is ignored and said so.
  const key = (t: string) => t.toLowerCase().replace(/[.\s]/g, '');
  const titles = [...new Set([...c.titles.filter((t) => !g.titles.some((u) => key(u) === key(t))), ...g.titles.filter((t) => !c.titles.some((u) => key(u) === key(t)))])];
  if (titles.length > 0) notes.push(`the title${titles.length > 1 ? 's' : ''} ${titles.map((t) => `"${t}"`).join(', ')}`);
  const translit = [...new Set([...c.transliterated, ...g.transliterated])];
  if (translit.length > 0) notes.push(`the transliteration from ${translit.map((s) => SCRIPT_NAMES[s]).join(' and ')}`);

  // Same letters, different spacing ("McDonald" / "Mc Donald", "O'Brien" / "O Brien").
  const joined = (p: Parsed) => p.tokens.map((t) => t.forms[0]).join('');
  if (joined(c) === joined(g) && c.tokens.length !== g.tokens.length) {
    notes.push('spacing');
    addSpellingNotes(c, g, notes);
    return { result: 'match', notes };
  }

  const cShort = c.tokens.length <= g.tokens.length;
  const short = cShort ? c.tokens : g.tokens;
  const long = cShort ? g.tokens : c.tokens;
  const pairing = pairTokens(short, long);
  const sufficient = pairing !== undefined && pairing.full >= 1 && (short.length >= 2 || long.length === 1);
  if (!pairing || !sufficient) {
    if (pairing && short.length === 1 && long.length > 1) return { result: 'unknown', notes: ['only one part of the name is given, too little to compare'] };
    return { result: 'mismatch', notes: [] };
  }
  const matchedLong = new Set(pairing.pairs.map(([, j]) => j));
  // Case, accents, spelling variants on the paired tokens.
  let cased = false;
  let accents = false;
  for (const [i, j] of pairing.pairs) {
    const a = short[i]!;
    const b = long[j]!;
    if (a.initial || b.initial) continue;
    if (a.raw !== b.raw && a.raw.toLowerCase() === b.raw.toLowerCase()) cased = true;
    else if (a.raw.toLowerCase() !== b.raw.toLowerCase() && translit.length === 0) accents = true;
  }
  if (cased) notes.push('case');
  if (accents) notes.push('accents');
  const order = pairing.pairs.map(([, j]) => j);
  if (order.some((j, k) => k > 0 && j < order[k - 1]!)) notes.push('word order');
  if (c.hyphenated !== g.hyphenated) notes.push('hyphens');
  if (pairing.initials > 0) notes.push('initials');
  const extra = long.filter((_, j) => !matchedLong.has(j)).map((t) => t.raw);
  if (notes.length === 0 && extra.length === 0) notes.push('punctuation');
  if (extra.length > 0) notes.push(`the additional name part${extra.length > 1 ? 's' : ''} ${extra.map((e) => `"${e}"`).join(', ')} ${cShort ? 'given by the candidate' : 'on the credential'}`);
  return { result: 'match', notes };
}

function addSpellingNotes(c: Parsed, g: Parsed, notes: string[]): void {
  const raw = (p: Parsed) => p.tokens.map((t) => t.raw).join('');
  if (raw(c) !== raw(g)) notes.push(raw(c).toLowerCase() === raw(g).toLowerCase() ? 'case' : 'accents');
}

/** "exactly" or "ignoring a, b and c". */
export function describeNotes(notes: string[]): string {
  if (notes.length === 0) return 'exactly';
  if (notes.length === 1) return `ignoring ${notes[0]}`;
  return `ignoring ${notes.slice(0, -1).join(', ')} and ${notes[notes.length - 1]}`;
}
