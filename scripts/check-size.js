// Size budgets of the shipped files (gzip -9, Node's zlib), and the README's size claims kept in step.
//   npm run size            fails when a file or a path is over its budget, or the README says another size
//   npm run size -- --write rewrites the README's size block from the files as built
//
// The two paths' budgets are the targets of issue 15 (a returning visitor's JS before analytics run;
// a first visitor's JS + CSS until the banner shows). A target that the current design does not reach
// yet has a ceiling instead, at the size reached: nothing may grow past it, the target is printed beside
// it, and lowering the ceiling to the target is the open work (README, "Size").
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const targets = {
  returning: 6_000,
  firstVisit: 16_000,
};
const ceilings = {
  returning: 11_750,
  firstVisit: 24_750,
};

export const budgets = {
  // The script tag: the core every page view runs, the interface (loaded when something must show) and
  // the later part (receipts, what a refusal does, configuration messages).
  'dist/soglasie.iife.js': ceilings.returning,
  // +70 B each: the viewer drops the Word export's tail (a blank to fill in, headings run together).
  'dist/soglasie-ui-ru.iife.js': 13_000,
  'dist/soglasie-ui-en.iife.js': 12_500,
  'dist/soglasie-later.iife.js': 9_900,
  // npm: unminified ESM without its dependencies (a site's bundler minifies it).
  // +5.1 KB: createConsentDocument and its ru/en wording (for Node and build scripts; a site's bundler
  // drops them when the page does not call them).
  'dist/index.mjs': 23_350,
  'dist/ui.mjs': 11_050,
};

const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

let failed = false;
const sizes = {};
for (const [file, limit] of Object.entries(budgets)) {
  const size = gzipSize(file);
  sizes[file] = size;
  const ok = size <= limit;
  if (!ok) failed = true;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${file}: ${size} B gzip (budget ${limit} B)`);
}

const core = sizes['dist/soglasie.iife.js'];
const ru = sizes['dist/soglasie-ui-ru.iife.js'];
const en = sizes['dist/soglasie-ui-en.iife.js'];
const later = sizes['dist/soglasie-later.iife.js'];
const paths = { returning: core, firstVisit: core + ru };
for (const [name, size] of Object.entries(paths)) {
  const target = targets[name];
  const limit = Math.max(target, ceilings[name]);
  if (size > limit) failed = true;
  const verdict = size <= target ? 'target met' : `target ${target} B missed by ${size - target} B`;
  console.log(`${size > limit ? 'OVER' : 'ok  '} path ${name}: ${size} B gzip (${verdict}; ceiling ${limit} B)`);
}

const block = [
  '<!-- sizes:start -->',
  `**${kb(core + ru)}** gzip until a first visitor sees the banner (JS + CSS, preact included; ${kb(core + en)} in`,
  `English): the core \`soglasie.iife.js\` ${kb(core)} plus the interface in the page's language,`,
  `\`soglasie-ui-ru.iife.js\` ${kb(ru)} or \`soglasie-ui-en.iife.js\` ${kb(en)}, which loads only when something must be`,
  `shown. A returning visitor's analytics wait for the core alone: **${kb(core)}**. The later part`,
  `\`soglasie-later.iife.js\` (${kb(later)}: receipts, what a refusal does, configuration messages) loads when there is`,
  `a decision to prove or something refused, after the allowed analytics. No third-party request.`,
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
