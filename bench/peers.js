// The benchmark's peers (vanilla-cookieconsent, orejime, klaro) have their own package.json and lock
// in bench/, so that soglasie's own install does not carry them. They are installed on first use.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BENCH_DIR = import.meta.dirname;
export const PEERS_DIR = join(BENCH_DIR, 'node_modules');

/** The peers named in bench/package.json. */
export function peerNames() {
  const pkg = JSON.parse(readFileSync(join(BENCH_DIR, 'package.json'), 'utf8'));
  return Object.keys(pkg.dependencies);
}

/** The installed version of a peer, or '?' when it is not installed. */
export function peerVersion(name) {
  try {
    return JSON.parse(readFileSync(join(PEERS_DIR, name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

/** Runs `npm ci --prefix bench` when a peer is missing from bench/node_modules; throws if that fails. */
export function ensurePeers() {
  const missing = peerNames().filter((name) => !existsSync(join(PEERS_DIR, name, 'package.json')));
  if (missing.length === 0) return;
  process.stderr.write(`bench: installing the peers (${missing.join(', ')} missing): npm ci --prefix bench\n`);
  const result = spawnSync('npm', ['ci', '--prefix', BENCH_DIR, '--no-audit', '--no-fund'], {
    // npm's output goes to stderr: stdout carries the benchmark's tables.
    stdio: ['ignore', 2, 2],
    // npm is npm.cmd on Windows, which only a shell runs.
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(`npm ci --prefix bench failed (exit ${result.status ?? result.signal})`);
}
