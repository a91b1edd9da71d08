#!/usr/bin/env node
// The npm mirror this project is built against serves rollup's native binaries only for the
// platforms we run on, so `npm install` leaves the other optional platform packages out of
// package-lock.json, and `npm ci` then refuses the lock as out of sync. This adds those entries back
// as optional, platform-restricted packages (npm skips them on other platforms without fetching).
// Run after any `npm install` that rewrites the lock: node tools/lock-platform-stubs.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const m = /^@rollup\/rollup-(android|darwin|freebsd|linux|openbsd|openharmony|win32)-([a-z0-9]+)(?:-(gnu|musl|gnueabihf|musleabihf|msvc|eabi))?$/.exec(name);
    if (!m) continue;
    const at = `${key}/node_modules/${name}`.replace(/^\/node_modules/, 'node_modules');
    const top = `node_modules/${name}`;
    if (lock.packages[top] || lock.packages[at]) continue;
    const [, os, cpu, abi] = m;
    const entry = { version, cpu: [cpu], license: 'MIT', optional: true, os: [os] };
    if (abi === 'musl' || abi === 'musleabihf') entry.libc = ['musl'];
    if (abi === 'gnu' || abi === 'gnueabihf') entry.libc = ['glibc'];
    lock.packages[top] = entry;
    added++;
  }
}
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${added} optional platform entries`);
