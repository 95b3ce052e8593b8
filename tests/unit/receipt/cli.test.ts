import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../support/run-cli';

const run = runCli;
const { dir, file } = tempFiles('soglasie-cli-');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('soglasie digest', () => {
  it('prints the hex SHA-256 of the exact bytes, BOM and CRLF included', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Политика\r\nконфиденциальности\r\n', 'utf8'),
    ]);
    const path = file('policy.txt', bytes);
    expect(await run(['digest', path])).toEqual({ code: 0, out: `${sha(bytes)}\n`, err: '' });
    expect(sha(bytes)).not.toBe(sha(Buffer.from('Политика\nконфиденциальности\n')));
  });

  it('prints sha256sum-style lines for several files', async () => {
    const a = file('a.txt', Buffer.from('a'));
    const b = file('b.txt', Buffer.from('b'));
    const { code, out } = await run(['digest', a, b]);
    expect(code).toBe(0);
    expect(out).toBe(`${sha(Buffer.from('a'))}  ${a}\n${sha(Buffer.from('b'))}  ${b}\n`);
  });

  it('exits 1 naming a file it cannot read, and still digests the others', async () => {
    const a = file('c.txt', Buffer.from('c'));
    const { code, out, err } = await run(['digest', join(dir, 'missing.txt'), a]);
    expect(code).toBe(1);
    expect(err).toContain('missing.txt');
    expect(err).toContain('ENOENT');
    expect(out).toContain(sha(Buffer.from('c')));
  });

  it('exits 2 with the usage for no command, an unknown one, or no file', async () => {
    for (const argv of [[], ['hash', 'x'], ['digest']]) {
      const { code, err } = await run(argv);
      expect(code).toBe(2);
      expect(err).toContain('Usage: soglasie digest FILE');
    }
  });

  it('prints the usage on --help and the version on --version', async () => {
    expect(await run(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('Usage') });
    expect(await run(['--version'])).toEqual({ code: 0, out: 'soglasie@test\n', err: '' });
  });
});
