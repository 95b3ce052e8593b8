import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/collector/canonical-json';
import { main, type CliResult } from '../../src/collector/main';
import { makeReceipt } from './support/make-receipt';

/** Write raw bytes to the server and resolve with the head of its first answer. */
function rawExchange(url: string, request: Buffer): Promise<string> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => {
      answer += text;
      if (answer.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(answer.slice(0, answer.indexOf('\r\n\r\n')));
      }
    });
    socket.on('error', reject);
  });
}

describe('request headers (CLI server)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soglasie-headers-'));
  let started: CliResult;
  beforeAll(async () => {
    const io = { out: () => undefined, err: () => undefined };
    started = await main(['--db', join(dir, 'r.sqlite'), '--port', '0', '--token', 't'], io);
  });
  afterAll(async () => {
    await started.server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a UTF-8 User-Agent as the text that was sent, not latin1 mojibake', async () => {
    const receipt = makeReceipt();
    const body = Buffer.from(canonicalJson(receipt));
    const head = Buffer.from(
      `POST /receipts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n` +
        'User-Agent: Яндекс.Браузер/24 (Windows; ручная сборка)\r\n\r\n',
      'utf8',
    );
    expect(await rawExchange(started.server!.url, Buffer.concat([head, body]))).toMatch(/^HTTP\/1\.1 201/);
    const res = await fetch(`${started.server!.url}/receipts/${receipt.receiptId}`, {
      headers: { authorization: 'Bearer t' },
    });
    expect((await res.json()).userAgent).toBe('Яндекс.Браузер/24 (Windows; ручная сборка)');
  });

  it('refuses an impossible Content-Length at once: 413 instead of 100 Continue, without reading the body', async () => {
    const head = (expect100: boolean): Buffer =>
      Buffer.from(
        'POST /receipts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000000000\r\n' +
          `${expect100 ? 'Expect: 100-continue\r\n' : ''}\r\n`,
      );
    const asked = await rawExchange(started.server!.url, head(true));
    expect(asked).toMatch(/^HTTP\/1\.1 413/);
    expect(asked.toLowerCase()).toContain('connection: close');
    const sent = await rawExchange(started.server!.url, Buffer.concat([head(false), Buffer.from('{"schema":')]));
    expect(sent).toMatch(/^HTTP\/1\.1 413/);
    expect(sent.toLowerCase()).toContain('connection: close');
  });
});
