import { createHash } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { consentDocCommand } from './consent-doc/consent-doc-command';

/** Where the CLI writes; the process streams by default, an array in tests. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Usage: soglasie digest FILE...
       soglasie consent-doc --config site.json [--lang ru|en] [--out consent.txt]

digest prints the hex SHA-256 of each file's exact bytes: the value of the policy's or consent's
"sha256" (data-policy-sha256, data-consent-sha256), so receipts need not fetch the document.
With several files, prints "DIGEST  FILE" lines as sha256sum does.

consent-doc writes the consent document (152-FZ art. 9 part 4) made from the site's configuration,
the same JSON as the page's data-soglasie-config block, to standard output or the --out file; in
the configuration's lang, else Russian. It exits 1 naming what a complete document still needs.
`;

const stdio: CliOutput = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };

/**
 * The `soglasie` command. Returns the exit code: 0 done, 1 a file could not be read (or, for
 * consent-doc, the configuration lacks fields), 2 bad usage.
 *
 * @example
 * // $ npx soglasie consent-doc --config site.json --lang ru --out public/consent.txt
 * const written = await main(['consent-doc', '--config', 'site.json', '--out', 'public/consent.txt']);
 * @example
 * // in a site build, after writing public/policy.txt:
 * // $ npx soglasie digest public/policy.txt
 * // 3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b
 * const code = await main(['digest', 'public/policy.txt']);
 */
export async function main(argv: string[], io: CliOutput = stdio): Promise<number> {
  const [command, ...files] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.out(`${__SDK_VERSION__}\n`);
    return 0;
  }
  if (command === 'consent-doc') return consentDocCommand(files, io, USAGE);
  if (command !== 'digest' || !files.length) {
    io.err(command && command !== 'digest' ? `soglasie: unknown command "${command}"\n${USAGE}` : USAGE);
    return 2;
  }
  let code = 0;
  for (const file of files) {
    try {
      // Bytes, not text: the digest must match what the web server sends, BOM and line ends included.
      const hex = createHash('sha256')
        .update(await readFile(file))
        .digest('hex');
      io.out(files.length > 1 ? `${hex}  ${file}\n` : `${hex}\n`);
    } catch (error) {
      io.err(`soglasie: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      code = 1;
    }
  }
  return code;
}

/** True when this module is the process's entry (the `soglasie` bin, through npm's symlink), not an import. */
async function isEntry(): Promise<boolean> {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return (await realpath(script)) === (await realpath(fileURLToPath(import.meta.url)));
  } catch {
    return false;
  }
}

if (await isEntry()) process.exitCode = await main(process.argv.slice(2));
