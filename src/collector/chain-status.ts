import type { ServerResponse } from 'node:http';
import type { ReceiptStore } from './receipt-store';
import { sendJson } from './send-json';
import { verifyChain, type ChainReport } from './verify-chain';

/** The last verification this collector ran, kept in memory. */
export interface VerifyRun {
  finishedAt: string;
  report: ChainReport;
}

/** The chain's status for the console: the store's head and the last verification. */
export interface ChainStatus {
  /** Reads `GET /receipts/chain`. */
  answer(res: ServerResponse): Promise<void>;
  /** Runs `POST /receipts/chain/verify`. */
  verify(res: ServerResponse): Promise<void>;
}

/**
 * Chain status and on-demand verification. The last result lives in this
 * process only: after a restart the console shows "not verified yet" until
 * someone presses "verify now" (or the CLI's `verify` runs, which is separate).
 *
 * @example
 * const status = createChainStatus(store);
 * await status.verify(res); // { finishedAt, report: { ok, checked, lastHash } }
 */
export function createChainStatus(store: ReceiptStore): ChainStatus {
  let lastVerify: VerifyRun | null = null;
  let running: Promise<VerifyRun> | undefined;
  return {
    async answer(res) {
      sendJson(res, 200, { head: await store.head(), lastVerify });
    },
    async verify(res) {
      // Two clicks share one walk of the chain rather than running two.
      running ??= verifyChain(store)
        .then((report) => ({ finishedAt: new Date().toISOString(), report }))
        .finally(() => {
          running = undefined;
        });
      lastVerify = await running;
      sendJson(res, 200, { head: await store.head(), lastVerify });
    },
  };
}
