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
  /** Milliseconds since the epoch (a version-1 cookie: `time` × 1000). */
  timeMs: number;
  receiptId: string;
  method: ConsentMethod;
  event: ReceiptEvent;
  gpc: boolean;
  /** This subject's decisions so far, this one included (0 from a version-1 cookie). */
  sequence: number;
  /** The endpoint confirmed the receipt (or there is no endpoint). A version-1 cookie counts as confirmed. */
  confirmed: boolean;
  /** The receipt this one supersedes; kept only until it is confirmed, to rebuild the receipt if need be. */
  previousReceiptId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PAIR = /^([a-z][a-z0-9_-]{0,31}):([01])$/;
const TIME = /^[0-9a-z]{1,9}$/;
const SEQUENCE = /^[1-9a-z][0-9a-z]{0,5}$/;
const FLAGS_1 = /^([cbag])([aduw])([01])$/;
const FLAGS_2 = /^([cbag])([aduw])([01])([01])$/;
const METHODS: Record<string, ConsentMethod> = { c: 'checkbox', b: 'button', a: 'api', g: 'gpc' };
const EVENTS: Record<string, ReceiptEvent> = { a: 'accept', d: 'decline', u: 'update', w: 'withdraw' };

/**
 * `2|subjectId|analytics:1,marketing:0|policyVersion|consentVersion|timeMs36|receiptId|flags|sequence36|previousReceiptId`:
 * short enough for every page request, versioned, and strict to read back. `flags` is a letter for the
 * method, a letter for the event, then `1`/`0` for GPC and `1`/`0` for "the endpoint confirmed the receipt".
 * The previous receipt's id is only there while the receipt is unconfirmed ('' otherwise).
 *
 * @example
 * encodeDecision(decision); // '2|0f8f…|analytics:1,marketing:0|3|3|mgq4k2x1|7c9e…|ca00|1|'
 */
export function encodeDecision(d: StoredDecision): string {
  const cats = Object.keys(d.decisions)
    .map((id) => `${id}:${d.decisions[id] ? 1 : 0}`)
    .join(',');
  const flags = `${d.method[0]}${d.event[0]}${d.gpc ? 1 : 0}${d.confirmed ? 1 : 0}`;
  return [
    '2',
    d.subjectId,
    cats,
    encodeURIComponent(d.policyVersion),
    encodeURIComponent(d.consentVersion),
    d.timeMs.toString(36),
    d.receiptId,
    flags,
    d.sequence.toString(36),
    d.confirmed ? '' : (d.previousReceiptId ?? ''),
  ].join('|');
}

/**
 * Reads a cookie value back, version 2 or the version 1 of earlier releases
 * (`1|subjectId|categories|policyVersion|consentVersion|timeSeconds36|receiptId|flags`); anything garbled,
 * truncated or tampered is `undefined`, never an exception.
 */
export function decodeDecision(value: string | undefined): StoredDecision | undefined {
  if (!value || value.length > 2048) return undefined;
  const parts = value.split('|');
  const version = parts[0];
  if (!((version === '1' && parts.length === 8) || (version === '2' && parts.length === 10))) return undefined;
  const [, subjectId, cats, pv, cv, time36, receiptId, flagText, sequence36, previous] = parts;
  const flags = (version === '1' ? FLAGS_1 : FLAGS_2).exec(flagText);
  if (!UUID.test(subjectId) || !UUID.test(receiptId) || !TIME.test(time36) || !flags) return undefined;
  if (version === '2' && (!SEQUENCE.test(sequence36) || (previous !== '' && !UUID.test(previous)))) return undefined;
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
  const timeMs = version === '1' ? parseInt(time36, 36) * 1000 : parseInt(time36, 36);
  const decision: StoredDecision = {
    subjectId,
    decisions,
    policyVersion,
    consentVersion,
    time: Math.floor(timeMs / 1000),
    timeMs,
    receiptId,
    method: METHODS[flags[1]],
    event: EVENTS[flags[2]],
    gpc: flags[3] === '1',
    sequence: version === '1' ? 0 : parseInt(sequence36, 36),
    confirmed: version === '1' || flags[4] === '1',
  };
  if (previous) decision.previousReceiptId = previous;
  return decision;
}
