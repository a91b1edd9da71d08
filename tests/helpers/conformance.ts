/**
 * Reads the shared conformance set (../shared/conformance, beside the checkout) and serves each
 * case's urlMap through an injected fetch, as its README describes. Nothing is copied into the repo.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Root of the conformance set. */
export const CONFORMANCE_ROOT = fileURLToPath(new URL('../../../shared/conformance/', import.meta.url));

/** True when the set is present (CI has ../shared beside the checkout). */
export const hasConformance = existsSync(join(CONFORMANCE_ROOT, 'manifest.json'));

export interface Case {
  id: string;
  file: string;
  format: string;
  expect: { verdict: string; alsoAcceptable?: string[]; failedChecks?: string[]; scope?: string; [k: string]: unknown };
  requires?: { urlMap?: Record<string, string>; contexts?: string[]; selfUrl?: string; didDocuments?: Record<string, string>; unresolved?: Record<string, string> };
  now?: string;
  payload?: { container: string; keyword: string; encoding: string };
  vector?: Record<string, unknown>;
  offline?: boolean;
  notes?: string;
}

/** All cases of the manifest. */
export function loadManifest(): Case[] {
  return JSON.parse(readFileSync(join(CONFORMANCE_ROOT, 'manifest.json'), 'utf8')) as Case[];
}

/** Bytes of a file in the set. */
export function readCaseFile(path: string): Buffer {
  return readFileSync(join(CONFORMANCE_ROOT, path));
}

/** The set's URL → file context map. */
export function contextMap(): Record<string, string> {
  return JSON.parse(readFileSync(join(CONFORMANCE_ROOT, 'contexts.json'), 'utf8')) as Record<string, string>;
}

/** An injected fetch serving the case's urlMap (and its own file at selfUrl); anything else is a 404. */
export function fetchFor(kase: Pick<Case, 'file' | 'requires'>): (input: string | URL) => Promise<Response> {
  const map: Record<string, string> = { ...contextMap(), ...(kase.requires?.urlMap ?? {}) };
  if (kase.requires?.selfUrl) map[kase.requires.selfUrl] = kase.file;
  return async (input) => {
    const url = String(input).split('#')[0]!;
    const path = map[url];
    if (!path) return new Response('not in fixture set: ' + url, { status: 404 });
    const body = readCaseFile(path);
    const type = /\.png$/.test(path) ? 'image/png' : /\.svg$/.test(path) ? 'image/svg+xml' : /\.html$/.test(path) ? 'text/html' : /\.jsonld$/.test(path) ? 'application/ld+json' : 'application/json';
    return new Response(new Uint8Array(body), { status: 200, headers: { 'content-type': type } });
  };
}

/** Contexts the set holds that CredLens does not bundle, for cases whose scope is only the cryptography. */
export function extraContexts(urls: string[]): Record<string, unknown> {
  const map = contextMap();
  const out: Record<string, unknown> = {};
  for (const u of urls) if (map[u]) out[u] = JSON.parse(readCaseFile(map[u]!).toString('utf8'));
  return out;
}
