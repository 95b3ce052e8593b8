import type { Rule } from './config-rules';

/**
 * Every problem a configuration can have, with the values its message needs. The code that finds a
 * problem reports its code and values only; the words are in config-messages.ts, which only the files
 * that print messages carry (the npm build, and the script tag's later part, not its core).
 */
export interface ProblemValues {
  deep: [path: string];
  notJson: [path: string, got: string];
  unsafeKey: [path: string];
  tooMany: [path: string, max: number];
  unknownOption: [path: string];
  invalidKey: [path: string];
  wrongType: [path: string, rule: Rule, value: unknown];
  attributeNumber: [name: string, text: string];
  attributeBoolean: [name: string, text: string];
  attributeUnknown: [name: string];
  blockNotObject: [];
  blockNotJson: [error: string];
  unsafeUrl: [field: string, url: string];
  badDigest: [field: string];
  categoryId: [id: unknown];
  categoryDuplicate: [id: string];
  lifetime: [months: unknown];
  cookieName: [name: string];
  integrationWithoutCategory: [integrations: string[], category: string];
  consentIncomplete: [missing: string[]];
  unreadable: [error: unknown];
  categoryUnknown: [id: string];
  autoblockUrl: [index: number, entry: unknown];
  autoblockCategory: [index: number, category: string];
}

export type ProblemCode = keyof ProblemValues;

/**
 * Receives each problem found in a configuration. The script tag's core only counts them.
 *
 * @example
 * const report: Report = (code, ...values) => console.log(code, values);
 */
export type Report = <C extends ProblemCode>(code: C, ...values: ProblemValues[C]) => void;
