/**
 * Micro-benchmark: RDFC-1.0 canonicalization of credentials, general path (jsonld.js expansion +
 * toRDF) vs the fast converter (sdk/proof/rdf), both followed by the same RDFC-1.0 step.
 *
 *   npx tsx tests/bench/canonize.ts [iterations]
 *
 * Every iteration canonicalizes a distinct document (the credential id and name carry the
 * iteration number), so no per-document cache can help; context caches stay warm, as in a
 * long-running verifier.
 */
import { readFileSync } from 'node:fs';
import canonizeLib from 'rdf-canonize';
import { bundledContextUrls, contextLoader, findContext } from '../../sdk/contexts/index.js';
import { canonize, canonizeQuads, toQuadsGeneral, type Quad } from '../../sdk/proof/canonize.js';
import { fastToQuads } from '../../sdk/proof/rdf/to-quads.js';

const CONF = new URL('../../../shared/conformance/', import.meta.url);
const read = (rel: string): string => readFileSync(new URL(rel, CONF), 'utf8');

const bundled = new Set(bundledContextUrls());
const extra: Record<string, unknown> = {};
for (const [url, file] of Object.entries(JSON.parse(read('contexts.json')) as Record<string, string>)) {
  if (!bundled.has(url)) extra[url] = JSON.parse(read(file));
}
const loader = contextLoader(extra);
const source = (url: string): unknown => findContext(url, extra);

const N = Number(process.argv[2] ?? 400);
const WARMUP = Math.min(300, N);
/** Each figure is the median of this many timed passes over the N documents. */
const ROUNDS = 5;

type Doc = Record<string, unknown>;
const cases: [string, Doc][] = [
  ['1EdTech OB 3.0 example (eddsa-rdfc-2022)', JSON.parse(read('1edtech-ob-spec/ob_v3p0/impl/extracted/obv3p0-credential-unsigned.json'))],
  ['DCC v2 OB3 credential (eddsa-rdfc-2022)', JSON.parse(read('dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-OBSpecExample.json'))],
  ['DCC VC 1.1 OB3 credential (Ed25519Signature2020)', JSON.parse(read('dcc-vc-test-fixtures/verifiableCredentials/v1/ed25519/didKey/fourRegistry-noStatus-noExpiry.json'))],
  ['1EdTech CLR 2.0 example (eddsa-rdfc-2022)', JSON.parse(read('1edtech-ob-spec/ob_v3p0/impl/extracted/clrv2p0-credential-unsigned.json'))],
];

/** `n` distinct copies of `doc` (no proof: the document part of a proof check). */
function variants(doc: Doc, n: number): Doc[] {
  const { proof: _proof, ...bare } = doc;
  return Array.from({ length: n }, (_, i) => {
    const d = structuredClone(bare);
    d.id = `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    if (typeof d.name === 'string') d.name = `${d.name} #${i}`;
    return d;
  });
}

/** Median over ROUNDS passes of the mean time per item (the machine may be shared and noisy). */
async function time<T>(items: T[], fn: (item: T) => unknown): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await fn(items[i % items.length]!);
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    for (const it of items) await fn(it);
    rounds.push((performance.now() - t0) / items.length);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
}

const fmt = (ms: number): string => ms.toFixed(3).padStart(7);
const asyncRdfc = (q: Quad[]): Promise<string> =>
  canonizeLib.canonize(q, { algorithm: 'RDFC-1.0', maxWorkFactor: 1, rejectURDNA2015: true }) as Promise<string>;

console.log(`RDFC-1.0 canonicalization, ms per document (${N} distinct documents, median of ${ROUNDS} passes, Node ${process.version})\n`);
for (const [label, base] of cases) {
  const docs = variants(base, N);
  const fastQuads = fastToQuads(docs[0]!, source);
  if (!fastQuads) {
    console.log(`${label}: the fast path does not cover this document`);
    continue;
  }
  // Same output, checked once per case.
  const general = await canonizeQuads(await toQuadsGeneral(docs[0]!, loader));
  if ((await canonize(docs[0]!, loader, extra)) !== general) throw new Error(`${label}: fast and general outputs differ`);

  const quadsGeneral = await Promise.all(docs.map((d) => toQuadsGeneral(d, loader)));
  const rows: [string, number][] = [
    ['general: jsonld.js toRDF', await time(docs, (d) => toQuadsGeneral(d, loader))],
    ['fast:    fastToQuads', await time(docs, (d) => fastToQuads(d, source))],
    ['RDFC-1.0 async (rdf-canonize)', await time(quadsGeneral, asyncRdfc)],
    ['RDFC-1.0 as canonizeQuads runs it', await time(quadsGeneral, canonizeQuads)],
    ['general total: toQuadsGeneral + canonizeQuads', await time(docs, async (d) => canonizeQuads(await toQuadsGeneral(d, loader)))],
    ['fast total:    canonize()', await time(docs, (d) => canonize(d, loader, extra))],
  ];
  console.log(`${label} — ${fastQuads.length} quads`);
  for (const [name, ms] of rows) console.log(`  ${name.padEnd(48)} ${fmt(ms)} ms`);
  const g = rows[4]![1];
  const f = rows[5]![1];
  console.log(`  ${'speed-up (total)'.padEnd(48)} ${(g / f).toFixed(1).padStart(7)} ×\n`);
}
