// Builds every shipped file from src/. docs/architecture.md says what each script-tag file is for.
import { readFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { transform } from 'esbuild';
import esbuild from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';

const pkg = JSON.parse(readFileSync('./package.json', 'utf8'));
const define = { __SDK_VERSION__: JSON.stringify(`${pkg.name}@${pkg.version}`) };
const banner = `/*! ${pkg.name} v${pkg.version} | ${pkg.license} */`;

const typescript = (target) =>
  esbuild({ target, jsx: 'transform', jsxFactory: 'h', jsxFragment: 'Fragment', define, minify: false, sourceMap: true });

// JSON imports (the receipt schema) are inlined as plain objects.
const json = () => ({
  name: 'json',
  transform(code, id) {
    if (id.endsWith('.json')) return { code: `export default ${code};`, map: null };
  },
});

// `import { css } from './styles.css'`-style: the stylesheet is written readably in src/ and minified
// here, into the string the shadow root adopts.
const css = () => ({
  name: 'css',
  async transform(code, id) {
    if (!id.endsWith('.css')) return null;
    const minified = await transform(code, { loader: 'css', minify: true });
    return { code: `export default ${JSON.stringify(minified.code.trim())};`, map: null };
  },
});

const copySchema = () => ({
  name: 'copy-schema',
  writeBundle() {
    mkdirSync('dist', { recursive: true });
    copyFileSync('src/receipt/receipt.schema.json', 'dist/receipt.schema.json');
  },
});

// Property mangling by naming convention: a property whose name ends in `_` (`state.bar_`) is private
// to the bundle it is in and gets a short name there, as preact's build does with its mangle list.
// Nothing stored, sent or public may use the convention. `//# allFunctionsCalledOnLoad` (V8's explicit
// compile hint, Chrome 136+; a plain comment elsewhere): nearly every function in the core and the
// interface runs as soon as the file does, so V8 compiles them all at once, off the main thread while
// the file streams in, instead of one by one on first call.
const minify = (eager = false) =>
  terser({
    ecma: 2020,
    compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true },
    mangle: { properties: { regex: /^[a-z]\w*_$/ } },
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
// The npm build leaves its dependencies to the site's bundler.
const isDependency = (id) => Object.keys(pkg.dependencies).some((name) => id === name || id.startsWith(`${name}/`));

export default [
  // npm: the headless core and the UI as ESM.
  {
    input: { index: 'src/index.ts', ui: 'src/ui.ts' },
    external: isDependency,
    plugins: [json(), css(), typescript('es2020'), copySchema()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].mjs',
      chunkFileNames: 'shared-[hash].mjs',
      sourcemap: true,
      banner,
    },
  },
  // Script tag: the core makes window.Soglasie and gates the page; the interface (one file per language)
  // and the later part (receipts, refusal, configuration messages) join it when needed.
  ...[
    { input: 'src/script-tag/core.ts', file: 'dist/soglasie.iife.js', eager: true },
    { input: 'src/script-tag/interface.ts', file: 'dist/soglasie-ui-ru.iife.js', lang: 'ru', eager: true },
    { input: 'src/script-tag/interface.ts', file: 'dist/soglasie-ui-en.iife.js', lang: 'en', eager: true },
    { input: 'src/script-tag/later.ts', file: 'dist/soglasie-later.iife.js' },
  ].map(({ input, file, lang, eager }) => ({
    input,
    plugins: [json(), css(), nodeResolve(), ...(lang ? [oneLanguage(lang)] : []), typescript('es2020')],
    output: { file, format: 'iife', sourcemap: true, plugins: [minify(eager)] },
  })),
  // Node: the receipt collector and its CLIs; database drivers load lazily.
  {
    input: { collector: 'src/collector/index.ts', 'collector-cli': 'src/collector/cli.ts', cli: 'src/cli.ts' },
    external: (id) => isNodeBuiltin(id) || id === 'better-sqlite3' || id === 'pg' || isDependency(id),
    plugins: [json(), css(), typescript('node20')],
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
];
