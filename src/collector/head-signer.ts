import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { ReceiptStore } from './receipt-store';
import { signHead, type SignedHead } from './signed-head';

/** Options of {@link startHeadSigner}. */
export interface HeadSignerOptions {
  store: ReceiptStore;
  key: KeyObject;
  /** Directory the signed heads are written to (`head-<count>.json`, plus `head-latest.json`). */
  dir: string;
  intervalMs: number;
  /** Told about each signed head, or a failure to sign one. */
  report(line: string): void;
}

/**
 * Sign the chain head now and then every `intervalMs`, writing each one to
 * `dir`. The files are meant to leave the machine (see the collector README:
 * a daily copy, an e-mail, a git repository), so that a database rewritten
 * later no longer matches them.
 *
 * @example
 * const signer = startHeadSigner({ store, key, dir: './heads', intervalMs: 3_600_000, report: console.log });
 * signer.stop();
 */
export function startHeadSigner(options: HeadSignerOptions): { signNow(): Promise<SignedHead>; stop(): void } {
  mkdirSync(options.dir, { recursive: true });
  async function signNow(): Promise<SignedHead> {
    const signed = signHead(await options.store.head(), options.key);
    const text = `${JSON.stringify(signed, null, 2)}\n`;
    const file = join(options.dir, `head-${signed.count}.json`);
    // Written aside, then renamed: a reader never sees half a file.
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
    writeFileSync(join(options.dir, 'head-latest.json.tmp'), text);
    renameSync(join(options.dir, 'head-latest.json.tmp'), join(options.dir, 'head-latest.json'));
    options.report(`signed chain head: ${signed.count} receipt(s), ${signed.lastHash} -> ${file}`);
    return signed;
  }
  const tick = (): void => {
    signNow().catch((error: unknown) => options.report(`could not sign the chain head: ${(error as Error).message}`));
  };
  tick();
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return { signNow, stop: () => clearInterval(timer) };
}
