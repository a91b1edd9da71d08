#!/usr/bin/env node
// In a checkout (sdk/ sources present) the CLI runs from the TypeScript sources through tsx, so it
// is never a stale build; an installed package (dist/ only) runs the built SDK.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../sdk/cli/main.ts', import.meta.url));
let entry;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = pathToFileURL(source).href;
} else {
  entry = new URL('../dist/cli/main.js', import.meta.url).href;
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
