import { existsSync, readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import type { CliIo, CliResult } from './main';
import { openStore, type StoreChoice } from './open-store';
import type { ReceiptStore } from './receipt-store';
import { readSignedHead, signHead, type SignedHead } from './signed-head';
import { verifyChain } from './verify-chain';

/**
 * `soglasie-collector verify`: walk the chain (and check it against a signed
 * head when one is given). Exit 0 intact, 1 broken, 2 unusable input.
 *
 * @example
 * await verifyCommand({ db: './receipts.sqlite' }, { head: './heads/head-latest.json' }, io);
 */
export async function verifyCommand(
  choice: StoreChoice,
  options: { head?: string; publicKey?: string },
  io: CliIo,
): Promise<CliResult> {
  let anchor: SignedHead | undefined;
  if (options.head !== undefined) {
    try {
      const publicKey = options.publicKey === undefined ? undefined : readFileSync(options.publicKey, 'utf8');
      anchor = readSignedHead(readFileSync(options.head, 'utf8'), publicKey);
    } catch (error) {
      io.err(`--head ${options.head}: ${(error as Error).message}`);
      return { exitCode: 2 };
    }
  }
  const store = await openExistingStore(choice, io);
  if (!store) return { exitCode: 2 };
  try {
    const report = await verifyChain(store, { anchor });
    if (report.ok) {
      io.out(`chain intact: ${report.checked} receipt(s), head ${report.lastHash}`);
      if (anchor) io.out(`contains the signed head of ${anchor.signedAt} (${anchor.count} receipt(s))`);
      return { exitCode: 0 };
    }
    io.err(
      `chain BROKEN at row ${report.broken!.id}: ${report.broken!.reason} (${report.checked} receipt(s) verified before it)`,
    );
    return { exitCode: 1 };
  } finally {
    await store.close();
  }
}

/**
 * `soglasie-collector head`: print the current chain head signed with the
 * operator's key, for keeping outside the database.
 *
 * @example
 * await headCommand({ db: './receipts.sqlite' }, loadSigningKey(pem), io);
 */
export async function headCommand(choice: StoreChoice, key: KeyObject, io: CliIo): Promise<CliResult> {
  const store = await openExistingStore(choice, io);
  if (!store) return { exitCode: 2 };
  try {
    io.out(JSON.stringify(signHead(await store.head(), key), null, 2));
    return { exitCode: 0 };
  } finally {
    await store.close();
  }
}

/** Opens the store a command reads, or says on stderr why it cannot. */
async function openExistingStore(choice: StoreChoice, io: CliIo): Promise<ReceiptStore | undefined> {
  // Opening creates a missing file: a mistyped path would be reported as an intact, empty chain (or signed).
  const file = choice.pg === undefined ? (choice.db ?? './receipts.sqlite') : undefined;
  if (file && !existsSync(file)) {
    io.err(`no such database file: ${file}`);
    return undefined;
  }
  try {
    return await openStore(choice);
  } catch (error) {
    io.err(`cannot open the store: ${(error as Error).message}`);
    return undefined;
  }
}
