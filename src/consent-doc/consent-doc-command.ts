import { readFile, writeFile } from 'node:fs/promises';
import type { ConsentConfig, Lang } from '../config/config-types';
import { reportTo } from '../config/config-messages';
import type { Report } from '../config/config-problem';
import { parseConfig } from '../config/parse-config';
import { resolveConfig } from '../config/resolve-config';
import { createConsentDocument } from './create-consent-document';
import { missingConsentFields } from './missing-consent-fields';

/** Where a command writes; the process streams in the CLI, arrays in tests. */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

interface Flags {
  config?: string;
  lang?: string;
  out?: string;
}

/** `--name value` pairs; undefined when a flag is unknown or has no value. */
function readFlags(args: string[]): Flags | undefined {
  const flags: Flags = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i];
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) return undefined;
    if (name === '--config') flags.config = value;
    else if (name === '--lang') flags.lang = value;
    else if (name === '--out') flags.out = value;
    else return undefined;
  }
  return flags;
}

/**
 * `soglasie consent-doc`: reads the configuration, says what a complete consent document still needs,
 * and writes it. Returns the exit code: 0 written, 1 the file cannot be read or written, is not JSON or
 * lacks fields, 2 bad usage.
 */
export async function consentDocCommand(args: string[], io: CommandOutput, usage: string): Promise<number> {
  const flags = readFlags(args);
  if (!flags || !flags.config || (flags.lang !== undefined && flags.lang !== 'ru' && flags.lang !== 'en')) {
    io.err(usage);
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(await readFile(flags.config, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not JSON: ${error.message}` : (error as NodeJS.ErrnoException).code;
    io.err(`soglasie: cannot read ${flags.config}: ${reason ?? (error as Error).message}\n`);
    return 1;
  }
  const report = reportTo((message) => io.err(`soglasie: ${flags.config}: ${message}\n`));
  const config: ConsentConfig = parseConfig(input, report);
  // The configuration's other problems (a tracker waiting for a category that is not there, …); what the
  // document lacks is listed below, field by field.
  const otherProblems: Report = (code, ...values) => {
    if (code !== 'consentIncomplete') report(code, ...values);
  };
  resolveConfig(config, otherProblems);
  const missing = missingConsentFields(config);
  if (missing.length) {
    io.err(
      `soglasie: ${flags.config} lacks what a consent under 152-FZ art. 9 part 4 must name; add:\n` +
        missing.map((field) => `  ${field}\n`).join(''),
    );
    return 1;
  }
  const text = createConsentDocument(config, { lang: flags.lang as Lang | undefined });
  if (!flags.out) {
    io.out(text);
    return 0;
  }
  try {
    await writeFile(flags.out, text);
  } catch (error) {
    io.err(
      `soglasie: cannot write ${flags.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
    );
    return 1;
  }
  return 0;
}
