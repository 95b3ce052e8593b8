// Size budgets of the shipped files, gzip -9. Fails `npm test` when a file grows past its budget.
// Budgets are the achieved sizes plus a small margin: raise one only with a reason in the commit.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const budgets = {
  'dist/soglasie.iife.js': 20_000,
  'dist/soglasie-ui.iife.js': 20_000,
};

export const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

let failed = false;
for (const [file, limit] of Object.entries(budgets)) {
  const size = gzipSize(file);
  const ok = size <= limit;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${file}: ${size} B gzip (budget ${limit} B)`);
}
if (failed) {
  console.error('size: a shipped file is over its budget');
  process.exit(1);
}
