import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/collector/canonical-json';
import { chainHash, GENESIS_HASH } from '../../src/collector/chain-hash';
import { main, type CliIo } from '../../src/collector/main';
import { openStore } from '../../src/collector/open-store';
import { makeReceipt } from './support/make-receipt';
import { postJson } from './support/http';
import { storeTargets, type StoreFixture } from './support/store-targets';

function capture(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
}

const dir = mkdtempSync(join(tmpdir(), 'soglasie-heads-'));
const keyFile = join(dir, 'head-key.pem');
const publicKeyFile = join(dir, 'head-key.pub');
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const target of storeTargets) {
  describe.skipIf(!!target.skip)(`signed chain heads (${target.name})`, () => {
    let fixture: StoreFixture;
    let storeArgs: string[];
    const p = (n: number): string => (target.name === 'postgres' ? `$${n}` : '?');
    let headFile: string;

    const cli = async (args: string[]): Promise<{ exitCode: number; lines: string[]; errors: string[] }> => {
      const io = capture();
      const { exitCode } = await main([...args, ...storeArgs], io);
      return { exitCode, lines: io.lines, errors: io.errors };
    };

    beforeEach(async () => {
      await fixture?.cleanup();
      fixture = await target.open();
      storeArgs =
        'pg' in fixture.choice
          ? ['--pg', String(fixture.choice.pg), '--table', fixture.table]
          : ['--db', String(fixture.choice.db)];
      const io = capture();
      const started = await main(
        ['--port', '0', '--signing-key', keyFile, '--heads-dir', join(dir, target.name), ...storeArgs],
        io,
      );
      const url = started.server!.url;
      for (let i = 0; i < 3; i++) expect((await postJson(url, makeReceipt())).status).toBe(201);
      const printed = await cli(['head', '--signing-key', keyFile]);
      expect(printed.exitCode).toBe(0);
      headFile = join(dir, `${target.name}-head.json`);
      writeFileSync(headFile, printed.lines.join('\n'));
      for (let i = 0; i < 2; i++) expect((await postJson(url, makeReceipt())).status).toBe(201);
      await started.server!.close();
      // The serving collector signed the head at start into --heads-dir.
      expect(JSON.parse(readFileSync(join(dir, target.name, 'head-latest.json'), 'utf8'))).toMatchObject({
        format: 'soglasie-chain-head/1',
      });
    });
    afterAll(async () => {
      await fixture?.cleanup();
    });

    const rows = async () => {
      const store = await openStore(fixture.choice);
      try {
        return await store.list({ limit: 100, uncovered: true });
      } finally {
        await store.close();
      }
    };

    it('verify --head passes on the grown chain', async () => {
      const result = await cli(['verify', '--head', headFile, '--public-key', publicKeyFile]);
      expect(result.errors).toEqual([]);
      expect(result.exitCode).toBe(0);
      expect(result.lines.join('\n')).toMatch(
        /chain intact: 5 receipt\(s\)[\s\S]*contains the signed head .* \(3 receipt\(s\)\)/,
      );
    });

    it('catches a rewound chain that verifies on its own', async () => {
      const all = await rows();
      await fixture.sql(`DELETE FROM $table WHERE id >= ${p(1)}`, [all[2]!.id]);
      await fixture.sql(`UPDATE $table_head SET last_id = ${p(1)}, last_hash = ${p(2)}, count = 2`, [
        all[1]!.id,
        all[1]!.hash,
      ]);
      expect((await cli(['verify'])).exitCode).toBe(0);
      const result = await cli(['verify', '--head', headFile]);
      expect(result.exitCode).toBe(1);
      expect(result.errors.join('\n')).toMatch(
        new RegExp(`row ${all[2]!.id} of the signed head is not in the chain: .*rewound`),
      );
    });

    it('catches a recomputed chain that verifies on its own', async () => {
      const all = await rows();
      let prev = GENESIS_HASH;
      for (const [index, row] of all.entries()) {
        const receipt = JSON.parse(row.receiptJson);
        if (index === 0) receipt.categories.marketing = true;
        const json = canonicalJson(receipt);
        const hash = chainHash(prev, json, row.receivedAt);
        await fixture.sql(
          `UPDATE $table SET receipt = ${p(1)}, prev_hash = ${p(2)}, hash = ${p(3)} WHERE id = ${p(4)}`,
          [json, prev, hash, row.id],
        );
        prev = hash;
      }
      await fixture.sql(`UPDATE $table_head SET last_hash = ${p(1)}`, [prev]);
      expect((await cli(['verify'])).exitCode).toBe(0);
      const result = await cli(['verify', '--head', headFile]);
      expect(result.exitCode).toBe(1);
      expect(result.errors.join('\n')).toMatch(/not what the signed head recorded.*recomputed/);
    });

    it('refuses an edited head file or one signed by another key', async () => {
      const edited = JSON.parse(readFileSync(headFile, 'utf8'));
      edited.count = 2;
      const editedFile = join(dir, `${target.name}-edited.json`);
      writeFileSync(editedFile, JSON.stringify(edited));
      const result = await cli(['verify', '--head', editedFile]);
      expect(result.exitCode).toBe(2);
      expect(result.errors.join('\n')).toMatch(/signature does not match/);
      const otherKey = join(dir, 'other.pub');
      writeFileSync(otherKey, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
      const foreign = await cli(['verify', '--head', headFile, '--public-key', otherKey]);
      expect(foreign.exitCode).toBe(2);
      expect(foreign.errors.join('\n')).toMatch(/another key/);
    });
  });
}

describe('soglasie-collector head on a mistyped path', () => {
  it('says there is no such database file, exits 2 and creates nothing (no signed head of an empty chain)', async () => {
    const missing = join(dir, 'no-such.sqlite');
    const io = capture();
    const { exitCode } = await main(['head', '--signing-key', keyFile, '--db', missing], io);
    expect(exitCode).toBe(2);
    expect(io.errors.join('\n')).toContain(`no such database file: ${missing}`);
    expect(io.lines).toEqual([]);
    expect(existsSync(missing)).toBe(false);
  });
});
