import type { ConsentMethod, ReceiptEvent } from '../receipt/receipt-types';

/** A decision as kept in the consent cookie. */
export interface StoredDecision {
  subjectId: string;
  /** Optional categories only; `necessary` is implied. */
  decisions: Record<string, boolean>;
  policyVersion: string;
  consentVersion: string;
  /** Seconds since the epoch. */
  time: number;
  receiptId: string;
  method: ConsentMethod;
  event: ReceiptEvent;
  gpc: boolean;
}

const SCHEMA = '1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PAIR = /^([a-z][a-z0-9_-]{0,31}):([01])$/;
const TIME = /^[0-9a-z]{1,9}$/;
const FLAGS = /^([cbag])([aduw])([01])$/;
const METHODS: Record<string, ConsentMethod> = { c: 'checkbox', b: 'button', a: 'api', g: 'gpc' };
const EVENTS: Record<string, ReceiptEvent> = { a: 'accept', d: 'decline', u: 'update', w: 'withdraw' };

/**
 * `1|subjectId|analytics:1,marketing:0|policyVersion|consentVersion|time36|receiptId|flags`:
 * short enough for every page request, versioned, and strict to read back.
 */
export function encodeDecision(d: StoredDecision): string {
  const cats = Object.keys(d.decisions)
    .map((id) => `${id}:${d.decisions[id] ? 1 : 0}`)
    .join(',');
  const flags = `${d.method[0]}${d.event[0]}${d.gpc ? 1 : 0}`;
  return [
    SCHEMA,
    d.subjectId,
    cats,
    encodeURIComponent(d.policyVersion),
    encodeURIComponent(d.consentVersion),
    d.time.toString(36),
    d.receiptId,
    flags,
  ].join('|');
}

/** Reads a cookie value back; anything garbled, truncated or tampered is `undefined`, never an exception. */
export function decodeDecision(value: string | undefined): StoredDecision | undefined {
  if (!value || value.length > 2048) return undefined;
  const parts = value.split('|');
  if (parts.length !== 8 || parts[0] !== SCHEMA) return undefined;
  const [, subjectId, cats, pv, cv, time36, receiptId, flagText] = parts;
  const flags = FLAGS.exec(flagText);
  if (!UUID.test(subjectId) || !UUID.test(receiptId) || !TIME.test(time36) || !flags) return undefined;
  // Keys come from a regex over the value and land on a null-prototype object: nothing to pollute.
  const decisions: Record<string, boolean> = Object.create(null);
  for (const pair of cats ? cats.split(',') : []) {
    const m = PAIR.exec(pair);
    if (!m || m[1] in decisions) return undefined;
    decisions[m[1]] = m[2] === '1';
  }
  let policyVersion: string;
  let consentVersion: string;
  try {
    policyVersion = decodeURIComponent(pv);
    consentVersion = decodeURIComponent(cv);
  } catch {
    return undefined;
  }
  return {
    subjectId,
    decisions,
    policyVersion,
    consentVersion,
    time: parseInt(time36, 36),
    receiptId,
    method: METHODS[flags[1]],
    event: EVENTS[flags[2]],
    gpc: flags[3] === '1',
  };
}
