import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/collector/postgres-store';
import { verifyChain } from '../../src/collector/verify-chain';
import { startCollectorProcess, type CollectorProcess } from './support/collector-process';
import { makeReceipt } from './support/make-receipt';
import { postJson } from './support/http';
import { startThrowawayPostgres, throwawayPort, type ThrowawayPostgres } from './support/throwaway-postgres';

// A cluster of its own (the suite's port + 1): these tests stop and freeze it.
const port = throwawayPort(1);

interface Answer {
  receiptId: string;
  status: number | 'network error';
  retryAfter: string | null;
}

async function post(url: string): Promise<Answer> {
  const receipt = makeReceipt();
  try {
    const res = await postJson(url, receipt);
    await res.arrayBuffer();
    return { receiptId: receipt.receiptId, status: res.status, retryAfter: res.headers.get('retry-after') };
  } catch {
    return { receiptId: receipt.receiptId, status: 'network error', retryAfter: null };
  }
}

/** Clients posting fresh receipts in a loop; `until` resolves when a predicate on the answers holds. */
function load(url: string, clients: number) {
  const answers: Answer[] = [];
  const waiters: { check: () => boolean; resolve: () => void }[] = [];
  let running = true;
  const loops = Array.from({ length: clients }, async () => {
    while (running) {
      answers.push(await post(url));
      for (const waiter of waiters.filter((w) => w.check())) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  return {
    answers,
    until(check: () => boolean): Promise<void> {
      if (check()) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ check, resolve }));
    },
    async stop(): Promise<void> {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function storedIds(url: string, table: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ receipt_id: string }>(`SELECT receipt_id FROM ${table}`);
    return new Set(result.rows.map((row) => row.receipt_id));
  } finally {
    await client.end();
  }
}

describe.skipIf(port === undefined)('collector against a failing PostgreSQL (real cluster, own process)', () => {
  let cluster: ThrowawayPostgres;
  let collector: CollectorProcess | undefined;

  beforeAll(() => {
    cluster = startThrowawayPostgres(port!);
  }, 120_000);
  afterAll(async () => {
    await collector?.stop();
    cluster?.destroy();
  }, 60_000);

  it('survives an immediate stop and restart under load: 503 with Retry-After while down, 201 after, nothing acknowledged lost', async () => {
    collector = await startCollectorProcess([
      '--pg',
      cluster.url,
      '--pg-timeout',
      '2000',
      '--pg-connect-timeout',
      '2000',
    ]);
    const traffic = load(collector.url, 20);
    const running = collector;
    // A dead collector ends every wait at once, so the assertions below name the failure.
    const untilOrExit = (check: () => boolean): Promise<void> =>
      traffic.until(() => check() || running.exitCode() !== null);
    const created = (): number => traffic.answers.filter((a) => a.status === 201).length;
    await untilOrExit(() => created() >= 100);
    cluster.stopImmediately();
    const beforeRestart = traffic.answers.length;
    await untilOrExit(() => traffic.answers.slice(beforeRestart).filter((a) => a.status !== 201).length >= 20);
    const health = await fetch(`${collector.url}/health`);
    expect(health.status).toBe(503);
    cluster.start();
    const afterRestart = traffic.answers.length;
    await untilOrExit(() => traffic.answers.slice(afterRestart).filter((a) => a.status === 201).length >= 50);
    await traffic.stop();

    expect(collector.exitCode(), collector.errors.join('')).toBeNull();
    expect((await fetch(`${collector.url}/health`)).status).toBe(200);
    const failures = traffic.answers.filter((a) => a.status !== 201);
    expect(failures.filter((a) => a.status === 'network error')).toEqual([]);
    expect(new Set(failures.map((a) => a.status))).toEqual(new Set([503]));
    expect(failures.every((a) => a.retryAfter === '5')).toBe(true);
    const stored = await storedIds(cluster.url, 'soglasie_receipts');
    const acknowledged = traffic.answers.filter((a) => a.status === 201).map((a) => a.receiptId);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    const store = await openPostgresStore({ url: cluster.url });
    try {
      expect((await verifyChain(store)).ok).toBe(true);
    } finally {
      await store.close();
    }
    await collector.stop();
    collector = undefined;
  }, 120_000);

  it('answers 503 within its timeout while the database is frozen, stores nothing half-written, and recovers after', async () => {
    collector = await startCollectorProcess([
      '--pg',
      cluster.url,
      '--pg-timeout',
      '500',
      '--pg-connect-timeout',
      '500',
      '--table',
      'frozen_receipts',
    ]);
    expect((await post(collector.url)).status).toBe(201);
    cluster.freeze();
    let answers: Answer[];
    let health: number;
    try {
      // The database stays frozen until every answer is in: each one came from the timeout, not the thaw.
      [answers, health] = await Promise.all([
        Promise.all(Array.from({ length: 10 }, () => post(collector!.url))),
        fetch(`${collector.url}/health`).then((res) => res.status),
      ]);
    } finally {
      cluster.thaw();
    }
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(503));
    expect(answers.every((a) => a.retryAfter === '5')).toBe(true);
    expect(health).toBe(503);
    // The pool replaces the connections it gave up on; a loaded machine may need a retry or two.
    let after: Answer = await post(collector.url);
    for (let attempt = 0; attempt < 20 && after.status !== 201; attempt++) after = await post(collector.url);
    expect(after.status).toBe(201);
    const stored = await storedIds(cluster.url, 'frozen_receipts');
    expect(answers.filter((a) => stored.has(a.receiptId))).toEqual([]);
    const store = await openPostgresStore({ url: cluster.url, table: 'frozen_receipts' });
    try {
      const report = await verifyChain(store);
      expect(report.ok).toBe(true);
      expect(report.checked).toBe(stored.size);
    } finally {
      await store.close();
    }
    expect(collector.exitCode()).toBeNull();
  }, 120_000);
});
