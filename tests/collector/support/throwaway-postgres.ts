import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PostgreSQL cluster of its own that a test may stop, restart and freeze. */
export interface ThrowawayPostgres {
  url: string;
  /** `pg_ctl stop -m immediate`: every connection drops at once, as in a crash or failover. */
  stopImmediately(): void;
  start(): void;
  /** SIGSTOP the server and its backends: connections stay open and nothing answers (a partition). */
  freeze(): void;
  thaw(): void;
  destroy(): void;
}

const script = new URL('../../../scripts/start-postgres.sh', import.meta.url).pathname;
const asRoot = process.getuid?.() === 0;

/** The port of the suite's cluster plus `offset`, or undefined when the suite has no PostgreSQL. */
export function throwawayPort(offset: number): number | undefined {
  const url = process.env.SOGLASIE_PG_URL;
  if (!url) return undefined;
  return Number(new URL(url).port || 5432) + offset;
}

function pgBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  return join('/usr/lib/postgresql', versions[versions.length - 1]!, 'bin');
}

/**
 * Start (with scripts/start-postgres.sh) a cluster on `port` with durable
 * commits, so an immediate stop loses nothing that was acknowledged.
 */
export function startThrowawayPostgres(port: number): ThrowawayPostgres {
  const dir = join(tmpdir(), `soglasie-pg-fault-${port}`);
  const env = {
    ...process.env,
    SOGLASIE_PG_PORT: String(port),
    SOGLASIE_PG_DIR: dir,
    SOGLASIE_PG_EXTRA: '-c synchronous_commit=on',
  };
  const run = (): string =>
    execFileSync('bash', [script], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const url = /SOGLASIE_PG_URL=(\S+)/.exec(run())![1]!;
  const pgCtl = (...args: string[]): void => {
    const command = [join(pgBin(), 'pg_ctl'), '-D', join(dir, 'data'), ...args];
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', ...command], { stdio: 'ignore' });
    else execFileSync(command[0]!, command.slice(1), { stdio: 'ignore' });
  };
  const serverPids = (): number[] => {
    const postmaster = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((pid) => pid > 0);
    return [postmaster, ...children];
  };
  let frozen: number[] = [];
  return {
    url,
    stopImmediately() {
      pgCtl('stop', '-m', 'immediate', '-w', '-t', '30');
    },
    start() {
      run();
    },
    freeze() {
      frozen = serverPids();
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    },
    thaw() {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
      frozen = [];
    },
    destroy() {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
      try {
        pgCtl('stop', '-m', 'fast', '-w', '-t', '30');
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
