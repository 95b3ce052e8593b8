import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

// The package as npm users get it: `npm pack` of the built tree, installed from the tarball into an empty
// project without the network. Its dependencies (preact, js-cookie) are packed from this project's own
// node_modules and installed beside it: a clean machine's npm cache has their tarballs but not the registry
// documents an install by name would read.
const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

test.describe.configure({ mode: 'serial', timeout: 300_000 });

test.describe('npm pack, installed into an empty project', () => {
  let dir: string;
  let app: string;
  let installed: string;

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'soglasie-pack-'));
    app = join(dir, 'app');
    mkdirSync(app);
    const pack = async (folder: string) => {
      const packed = await run(npm, ['pack', '--silent', '--pack-destination', dir], { cwd: folder });
      return join(dir, packed.stdout.trim().split('\n').pop()!);
    };
    const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: object };
    const tarballs = [await pack(resolve('.'))];
    for (const name of Object.keys(dependencies)) tarballs.push(await pack(resolve('node_modules', name)));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    await run(npm, ['install', '--offline', '--no-audit', '--no-fund', ...tarballs], { cwd: app });
    installed = join(app, 'node_modules', 'soglasie');
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("require('soglasie') fails with a message saying it is ESM and how to import it", async () => {
    for (const entry of ['soglasie', 'soglasie/ui', 'soglasie/collector']) {
      const failure = await run(process.execPath, ['-e', `require('${entry}')`], { cwd: app }).then(
        () => '',
        (error: { stderr: string }) => error.stderr,
      );
      expect(failure).toContain('soglasie is an ES module package and cannot be loaded with require().');
      expect(failure).toContain("const { createConsent } = await import('soglasie');");
    }
    const imported = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('soglasie/collector'); console.log(typeof m.createCollector)",
      ],
      { cwd: app },
    );
    expect(imported.stdout.trim()).toBe('function');
  });

  test('types resolve in a TypeScript project (bundler and nodenext)', async () => {
    writeFileSync(
      join(app, 'consumer.ts'),
      `import { createConsent } from 'soglasie';
import { mountUI } from 'soglasie/ui';
import { createCollector, toIso27560Record, type Iso27560Record } from 'soglasie/collector';
const consent = createConsent({ policy: { url: '/policy.txt', version: '1' } }, { plugins: [mountUI()] });
consent.has('analytics');
const record: Iso27560Record | undefined = undefined;
void record; void toIso27560Record; void createCollector;
// @ts-expect-error: typed, not any
createCollector({ records: { retention: 3 } });
`,
    );
    for (const [moduleResolution, module] of [
      ['bundler', 'esnext'],
      ['nodenext', 'nodenext'],
    ]) {
      const args = [tsc, '--noEmit', '--strict', '--target', 'es2022', '--lib', 'es2022,dom'];
      args.push('--moduleResolution', moduleResolution!, '--module', module!);
      args.push('--types', 'node', '--typeRoots', resolve('node_modules/@types'), 'consumer.ts');
      const output = await run(process.execPath, args, { cwd: app }).then(
        () => '',
        (error: { stdout?: string }) => error.stdout || String(error),
      );
      expect(output, `moduleResolution ${moduleResolution}`).toBe('');
    }
  });

  test('README images are absolute URLs, its relative links point at shipped files; the collector README ships', () => {
    // Code samples (fenced or inline) may show any URL; the rendered text's images and links are what count.
    const readme = readFileSync(join(installed, 'README.md'), 'utf8')
      .replace(/```[\s\S]*?```/g, '')
      .replace(/`[^`\n]*`/g, '');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)|<img [^>]*src="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    expect(images.length).toBeGreaterThan(3);
    for (const image of images) expect(image).toMatch(/^https:\/\/raw\.githubusercontent\.com\/soglasie\/soglasie\//);
    const links = [...readme.matchAll(/(?<!!)\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    for (const link of links.filter((target) => !/^(https?:|#|mailto:)/.test(target))) {
      expect(existsSync(join(installed, link.split('#')[0]!)), link).toBe(true);
    }
    expect(readFileSync(join(installed, 'src/collector/README.md'), 'utf8')).toContain(
      '## ISO/IEC TS 27560:2023 records',
    );
    for (const file of ['dist/console/index.html', 'dist/console/console.js', 'dist/iso27560.schema.json']) {
      expect(existsSync(join(installed, file)), file).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(manifest.repository.url).toBe('git+https://github.com/soglasie/soglasie.git');
  });
});
