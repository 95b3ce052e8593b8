import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** A `soglasie-collector` running in a process of its own. */
export interface CollectorProcess {
  url: string;
  child: ChildProcess;
  /** Lines the process wrote to stderr. */
  errors: string[];
  /** Exit code once it exited, null while it runs. */
  exitCode(): number | null;
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
let bundled: Promise<string> | undefined;

/** Bundle src/collector/cli.ts once per test file (inside the repo, so pg and better-sqlite3 resolve). */
function bundleCli(): Promise<string> {
  bundled ??= (async () => {
    const dir = `${root}node_modules/.cache/soglasie-collector-tests`;
    mkdirSync(dir, { recursive: true });
    const outfile = `${dir}/cli-${process.pid}.mjs`;
    await build({
      entryPoints: [`${root}src/collector/cli.ts`],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      external: ['pg', 'better-sqlite3'],
      logLevel: 'silent',
    });
    return outfile;
  })();
  return bundled;
}

/** Start the collector CLI with `args` (plus `--port 0`) and resolve once it listens. */
export async function startCollectorProcess(args: string[]): Promise<CollectorProcess> {
  const file = await bundleCli();
  const child = spawn(process.execPath, [file, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Never outlive the test run, whatever happens to it.
  process.once('exit', () => child.kill('SIGKILL'));
  const errors: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (text: string) => errors.push(text));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      out += text;
      const found = /listening on (http:\/\/\S+)\/receipts/.exec(out);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`collector exited with ${code}: ${errors.join('')}`)));
  });
  return {
    url,
    child,
    errors,
    exitCode: () => child.exitCode,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
