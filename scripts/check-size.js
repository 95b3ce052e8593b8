// Size budgets of the shipped files (gzip -9), and the README's size claims kept in step with them.
//   npm run size            fails when a file is over its budget or the README says another size
//   npm run size -- --write rewrites the README's size block from the files as built
// Budgets are the achieved sizes plus a small margin: raise one only with a reason in the commit.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const budgets = {
  // The script tag: the core every page view runs, the interface (loaded when something must show)
  // and the receipt code (loaded when there is a decision to prove).
  'dist/soglasie.iife.js': 8_020,
  // +115 B each: the viewer drops the Word export's tail (blanks to fill in, headings run together).
  'dist/soglasie-ui-ru.iife.js': 7_455,
  'dist/soglasie-ui-en.iife.js': 6_975,
  'dist/soglasie-receipts.iife.js': 3_600,
  // Loaded when something is refused: placeholders of gated iframes, the cookie sweep.
  'dist/soglasie-refusal.iife.js': 1_500,
  // Loaded only on a page whose configuration has a problem, to name it.
  'dist/soglasie-check.iife.js': 3_430,
  // npm: unminified ESM (a site's bundler minifies it).
  // +4.8 KB: createConsentDocument and its ru/en wording, for Node and build scripts; a site's bundler
  // drops them when the page does not call them.
  'dist/index.mjs': 19_450,
  'dist/ui.mjs': 9_340,
};

const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

let failed = false;
const sizes = {};
for (const [file, limit] of Object.entries(budgets)) {
  const size = (sizes[file] = gzipSize(file));
  const ok = size <= limit;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${file}: ${size} B gzip (budget ${limit} B)`);
}

const core = sizes['dist/soglasie.iife.js'];
const ru = sizes['dist/soglasie-ui-ru.iife.js'];
const en = sizes['dist/soglasie-ui-en.iife.js'];
const receipts = sizes['dist/soglasie-receipts.iife.js'];
const refusal = sizes['dist/soglasie-refusal.iife.js'];
const block = [
  '<!-- sizes:start -->',
  `**${kb(core + ru)}** gzip until a first visitor sees the banner (JS + CSS; ${kb(core + en)} in English): the core`,
  `\`soglasie.iife.js\` ${kb(core)} plus the interface in the page's language, \`soglasie-ui-ru.iife.js\` ${kb(ru)} or`,
  `\`soglasie-ui-en.iife.js\` ${kb(en)}, which loads only when something must be shown. The receipt code`,
  `\`soglasie-receipts.iife.js\` (${kb(receipts)}) loads when the visitor starts using the banner or decides. A returning`,
  `visitor's analytics wait for the core alone: **${kb(core)}**; what a refusal does (iframe placeholders, the cookie`,
  `sweep: \`soglasie-refusal.iife.js\`, ${kb(refusal)}) comes after them. No third-party request, no runtime dependency.`,
  '<!-- sizes:end -->',
].join('\n');
const readme = readFileSync('README.md', 'utf8');
const current = readme.match(/<!-- sizes:start -->[\s\S]*?<!-- sizes:end -->/)?.[0];
if (process.argv.includes('--write')) {
  writeFileSync('README.md', readme.replace(/<!-- sizes:start -->[\s\S]*?<!-- sizes:end -->/, block));
  console.log('README.md: size block rewritten');
} else if (current !== block) {
  failed = true;
  console.error('README.md: its size block does not match the built files; run `npm run size -- --write`');
}
if (failed) process.exit(1);
