import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/collector/cli';
import { makeReceipt } from './support/make-receipt';
import { getJson, postJson } from './support/http';
import { storeTargets } from './support/store-targets';

function capture(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
}

describe('soglasie-collector CLI (in-process main)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soglasie-cli-'));
  const db = join(dir, 'receipts.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves, stores, reads back, and verifies; verify fails after tampering', async () => {
    const io = capture();
    const started = await main(
      [
        '--db',
        db,
        '--port',
        '0',
        '--token',
        'cli-token',
        '--origin',
        'https://a.example',
        '--origin',
        'https://b.example',
        '--ip',
        'none',
      ],
      io,
    );
    expect(started.exitCode).toBe(0);
    const server = started.server!;
    try {
      expect(io.lines[0]).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+\/receipts/);
      const receipts = [1, 2, 3].map(() => makeReceipt({ page: 'https://b.example/checkout' }));
      for (const receipt of receipts) {
        const res = await postJson(server.url, receipt, { origin: 'https://b.example' });
        expect(res.status).toBe(201);
        expect(res.headers.get('access-control-allow-origin')).toBe('https://b.example');
      }
      const one = await getJson(`${server.url}/receipts/${receipts[1]!.receiptId}`, 'cli-token');
      expect(one.status).toBe(200);
      expect(one.body.ip).toBeNull();
    } finally {
      await server.close();
    }

    const ok = capture();
    expect((await main(['verify', '--db', db], ok)).exitCode).toBe(0);
    expect(ok.lines.join('\n')).toMatch(/chain intact: 3 receipt\(s\)/);

    const raw = new Database(db);
    raw.prepare(`UPDATE soglasie_receipts SET receipt = replace(receipt, '"accept"', '"withdraw"') WHERE id = 2`).run();
    raw.close();
    const broken = capture();
    expect((await main(['verify', '--db', db], broken)).exitCode).toBe(1);
    expect(broken.errors.join('\n')).toMatch(/chain BROKEN at row 2: .*edited/);
  });

  it('verify of a database file that does not exist fails (exit 2) and creates nothing', async () => {
    const missing = join(dir, 'typo.sqlite');
    const io = capture();
    expect((await main(['verify', '--db', missing], io)).exitCode).toBe(2);
    expect(io.errors.join('\n')).toMatch(/no such database file: .*typo\.sqlite/);
    expect(existsSync(missing)).toBe(false);
  });

  it('an --origin that is not an origin as browsers send it is a usage error, with the origin it probably meant', async () => {
    for (const [origin, hint] of [
      ['https://autocrm.ru/', /did you mean https:\/\/autocrm\.ru\?/],
      ['autocrm.ru', /is not an origin/],
      ['https://autocrm.ru/receipts', /did you mean https:\/\/autocrm\.ru\?/],
      ['null', /"null" is not an origin/],
    ] as const) {
      const io = capture();
      const result = await main(['--db', db, '--port', '0', '--origin', origin], io);
      expect(result.exitCode, origin).toBe(2);
      expect(result.server).toBeUndefined();
      expect(io.errors.join('\n')).toMatch(hint);
    }
  });

  it('reports usage errors with exit code 2', async () => {
    for (const argv of [
      ['--db', db, '--pg', 'postgres://x'],
      ['--port', 'abc'],
      ['--ip', 'half'],
      ['frobnicate'],
      ['--bogus'],
    ]) {
      const io = capture();
      const result = await main(argv, io);
      expect(result.exitCode, argv.join(' ')).toBe(2);
      expect(result.server).toBeUndefined();
      expect(io.errors.join('\n')).toMatch(/Usage:/);
    }
    const help = capture();
    expect((await main(['--help'], help)).exitCode).toBe(0);
    expect(help.lines[0]).toMatch(/^Usage:/);
  });

  it('fails cleanly when the port is taken', async () => {
    const first = await main(['--db', join(dir, 'a.sqlite'), '--port', '0'], capture());
    const port = new URL(first.server!.url).port;
    try {
      const io = capture();
      const second = await main(['--db', join(dir, 'b.sqlite'), '--port', port], io);
      expect(second.exitCode).toBe(1);
      expect(io.errors[0]).toMatch(/cannot listen/);
    } finally {
      await first.server!.close();
    }
  });

  const pgTarget = storeTargets.find((t) => t.name === 'postgres')!;
  it.skipIf(!!pgTarget.skip)('verifies a PostgreSQL chain with --pg', async () => {
    const url = process.env.SOGLASIE_PG_URL!;
    const started = await main(['--pg', url, '--port', '0'], capture());
    try {
      expect((await postJson(started.server!.url, makeReceipt())).status).toBe(201);
    } finally {
      await started.server!.close();
    }
    const io = capture();
    expect((await main(['verify', '--pg', url], io)).exitCode).toBe(0);
    expect(io.lines[0]).toMatch(/chain intact/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('DROP TABLE IF EXISTS soglasie_receipts; DROP TABLE IF EXISTS soglasie_receipts_head');
    await client.end();
    const down = capture();
    expect((await main(['verify', '--pg', 'postgres://nobody@127.0.0.1:1/none'], down)).exitCode).toBe(2);
    expect(down.errors[0]).toMatch(/cannot open the store/);
  });
});
