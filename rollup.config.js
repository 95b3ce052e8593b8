// Builds every shipped file from src/. See README "Files" for what each is for.
import { readFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';

const pkg = JSON.parse(readFileSync('./package.json', 'utf8'));
const define = { __SDK_VERSION__: JSON.stringify(`${pkg.name}@${pkg.version}`), __QUIET__: 'false' };
const banner = `/*! ${pkg.name} v${pkg.version} | ${pkg.license} */`;

const ts = (target, quiet = false) =>
  esbuild({
    target,
    jsx: 'transform',
    jsxFactory: 'h',
    jsxFragment: 'Fragment',
    define: { ...define, __QUIET__: String(quiet) },
    minify: false,
    sourceMap: true,
  });

// JSON imports (the receipt schema) are inlined as plain objects.
const json = () => ({
  name: 'json',
  transform(code, id) {
    if (id.endsWith('.json')) return { code: `export default ${code};`, map: null };
  },
});

const copySchema = () => ({
  name: 'copy-schema',
  writeBundle() {
    mkdirSync('dist', { recursive: true });
    copyFileSync('src/receipt/receipt.schema.json', 'dist/receipt.schema.json');
  },
});

// `//# allFunctionsCalledOnLoad` (V8's explicit compile hint, Chrome 136+; a plain comment elsewhere):
// nearly every function in the core and the interface runs as soon as the file does, so V8 compiles
// them all at once, off the main thread while the file streams in, instead of one by one on first call.
const minify = (eager = false) =>
  terser({
    ecma: 2020,
    compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true },
    mangle: { properties: { regex: /^_[a-z]/ } },
    format: { preamble: eager ? `//# allFunctionsCalledOnLoad\n${banner}` : banner, comments: false },
  });

// The script tag's interface file is built once per language: only that language's strings inside.
const oneLanguage = (lang) => ({
  name: 'one-language',
  load(id) {
    if (!id.endsWith('/src/ui/built-in-texts.ts')) return null;
    const name = `texts${lang[0].toUpperCase()}${lang[1]}`;
    return `import { ${name} } from './texts-${lang}';\nexport const builtInTexts = { ${lang}: ${name} };\n`;
  },
});

const isNodeBuiltin = (id) => id.startsWith('node:');

export default [
  // npm: the headless core and the UI as ESM.
  {
    input: { index: 'src/index.ts', ui: 'src/ui.ts' },
    plugins: [json(), ts('es2020'), copySchema()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].mjs',
      chunkFileNames: 'shared-[hash].mjs',
      sourcemap: true,
      banner,
    },
  },
  // Script tag: the core (config, decisions, gating) creates window.Soglasie and loads the interface
  // (one file per language) only when something must be shown, the receipt code only when there is a
  // decision to prove and the refusal code (placeholders, cookie sweep) only when something is refused,
  // after the allowed things have run: a returning visitor's analytics wait for the core alone.
  // quiet: built without configuration messages (see __QUIET__); eager: V8's compile hint, for the files
  // whose functions nearly all run as soon as they load.
  ...[
    { input: 'src/script-tag.ts', file: 'dist/soglasie.iife.js', quiet: true, eager: true },
    { input: 'src/script-tag-ui.ts', file: 'dist/soglasie-ui-ru.iife.js', lang: 'ru', eager: true },
    { input: 'src/script-tag-ui.ts', file: 'dist/soglasie-ui-en.iife.js', lang: 'en', eager: true },
    { input: 'src/script-tag-receipts.ts', file: 'dist/soglasie-receipts.iife.js' },
    { input: 'src/script-tag-refusal.ts', file: 'dist/soglasie-refusal.iife.js' },
    { input: 'src/script-tag-check.ts', file: 'dist/soglasie-check.iife.js' },
  ].map(({ input, file, lang, quiet, eager }) => ({
    input,
    plugins: [json(), nodeResolve(), ...(lang ? [oneLanguage(lang)] : []), ts('es2020', quiet)],
    output: { file, format: 'iife', sourcemap: true, plugins: [minify(eager)] },
  })),
  // Node: the receipt collector and its CLIs; database drivers load lazily.
  {
    input: { collector: 'src/collector/index.ts', 'collector-cli': 'src/collector/cli.ts', cli: 'src/cli.ts' },
    external: (id) => isNodeBuiltin(id) || id === 'better-sqlite3' || id === 'pg',
    plugins: [json(), ts('node20')],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].mjs',
      chunkFileNames: 'node-[hash].mjs',
      sourcemap: true,
      banner: (chunk) => (chunk.name.endsWith('cli') ? `#!/usr/bin/env node\n${banner}` : banner),
    },
  },
  // Types: one .d.ts per public entry.
  ...['index', 'ui', 'collector'].map((name) => ({
    input: name === 'collector' ? 'src/collector/index.ts' : `src/${name}.ts`,
    external: (id) => !id.startsWith('.') && !id.startsWith('/'),
    plugins: [dts({ respectExternal: false })],
    output: { file: `dist/${name}.d.ts`, format: 'es' },
  })),
  // The collector's operator console (issue 20): its plain ES modules bundled into dist/console/console.js,
  // its page and stylesheet copied beside it (the collector serves that folder at /console), and the ISO 27560
  // record schema shipped as soglasie/iso27560.schema.json, and the CommonJS "use import" error file. Self-contained:
  // no other entry depends on it.
  {
    input: 'src/collector/console/console.js',
    output: { file: 'dist/console/console.js', format: 'es', banner },
    plugins: [
      {
        name: 'copy-console',
        writeBundle() {
          for (const name of ['index.html', 'console.css']) {
            copyFileSync(`src/collector/console/${name}`, `dist/console/${name}`);
          }
          copyFileSync('src/collector/iso27560.schema.json', 'dist/iso27560.schema.json');
          // require('soglasie') loads this and gets a clear "ESM: use import" error (package.json "require").
          copyFileSync('src/require-esm.cjs', 'dist/require-esm.cjs');
        },
      },
    ],
  },
];
