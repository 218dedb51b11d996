#!/usr/bin/env node
// Thin launcher so the bin exists before the TypeScript build (pnpm links bins at install time).
import { main } from '../dist/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    // main() already turns every error into one line; this is the last guard.
    process.stderr.write(`gongkai: ${e && e.message ? String(e.message).split('\n')[0] : String(e)}\n`);
    process.exitCode = 2;
  },
);
