import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

// A TypeScript project importing the package by name, as a site's build does, against the built
// declarations in dist/. Each resolution mode a user's tsconfig may have must find all three entries.
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const consumer = `
import { createConsent, type Consent } from 'soglasie';
import { mountUI } from 'soglasie/ui';
import { createCollector } from 'soglasie/collector';
const consent: Consent = createConsent({ policy: { url: '/policy.txt', version: '1' } }, { plugins: [mountUI()] });
consent.has('analytics');
// Typed, not any: a wrong call is an error.
// @ts-expect-error
mountUI(123);
// @ts-expect-error
createCollector({ origin: 42 });
`;

test.describe('the npm package in a TypeScript project', () => {
  let dir: string;
  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'soglasie-types-'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(resolve('.'), join(dir, 'node_modules', 'soglasie'), 'dir');
    writeFileSync(join(dir, 'consumer.ts'), consumer);
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [moduleResolution, module] of [
    ['node10', 'commonjs'],
    ['bundler', 'esnext'],
    ['nodenext', 'nodenext'],
  ]) {
    test(`resolves soglasie, soglasie/ui and soglasie/collector with moduleResolution ${moduleResolution}`, async () => {
      // A whole TypeScript compile (with preact's declarations): seconds alone, much longer on a busy machine.
      test.setTimeout(180_000);
      const args = [
        tsc,
        '--noEmit',
        '--strict',
        '--target',
        'es2022',
        '--lib',
        'es2022,dom',
        '--moduleResolution',
        moduleResolution,
        '--module',
        module,
      ];
      // The collector's declarations use node:http.
      args.push('--types', 'node', '--typeRoots', resolve('node_modules/@types'), 'consumer.ts');
      const run = await promisify(execFile)(process.execPath, args, { cwd: dir }).then(
        () => '',
        (error: { stdout?: string }) => error.stdout || String(error),
      );
      expect(run).toBe('');
    });
  }
});
