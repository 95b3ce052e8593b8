import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli';

/** Runs the `soglasie` command with these arguments; what it printed, and its exit code. */
export function runCli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (text) => void out.push(text), err: (text) => void err.push(text) }).then((code) => ({
    code,
    out: out.join(''),
    err: err.join(''),
  }));
}

/** A fresh temporary folder, and a function that writes a file into it and returns its path. */
export function tempFiles(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  return { dir, file };
}
