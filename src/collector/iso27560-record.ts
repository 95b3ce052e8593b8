import type { ConsentReceipt, ReceiptEvent } from '../receipt/receipt-types';
import type { StoredReceipt } from './receipt-store';
import { categorySettings, NECESSARY, type RecordSettings } from './record-settings';

/** Identifier of the record structure, also the schema's `$id`. */
export const ISO27560_SCHEMA_ID = 'urn:soglasie:iso27560-record:1';

/** The state a consent event leaves a purpose in (the DPV guide's consent states). */
export type Iso27560State = 'given' | 'refused' | 'withdrawn' | 'not-required';

/** A notice the PII principal was shown, pinned by its digest. */
export interface Iso27560Notice {
  noticeId: string;
  kind: 'privacy-policy' | 'consent-form';
  url: string | null;
  version: string;
  language: string;
  hashAlgorithm: 'SHA-256';
  /** Hex SHA-256 of the exact text; null when the browser could not compute it. */
  hash: string | null;
}

/** One purpose (a Soglasie category) and what the event decided for it. */
export interface Iso27560Purpose {
  purposeId: string;
  purpose: string;
  lawfulBasis: 'consent' | 'strictly-necessary';
  piiCategories: string[];
  /** Names of processors receiving this purpose's data. */
  recipients: string[];
  thirdPartyDisclosure: boolean;
  state: Iso27560State;
}

/** An ISO/IEC TS 27560:2023 consent record, as JSON; the JSON Schema is `iso27560.schema.json`. */
export interface Iso27560Record {
  schemaId: typeof ISO27560_SCHEMA_ID;
  schemaVersion: '1';
  conformsTo: 'ISO/IEC TS 27560:2023';
  recordId: string;
  piiPrincipal: { id: string; idType: 'pseudonym' };
  notices: Iso27560Notice[];
  purposes: Iso27560Purpose[];
  piiControllers: Array<{
    name: string;
    address: string | null;
    email: string | null;
    registrationIds: Array<{ scheme: 'RU-INN' | 'RU-OGRN'; value: string }>;
    url: string | null;
  }>;
  recipients: Array<{ name: string; role: 'processor'; purposeIds: string[] }>;
  collection: { method: string; interface: string; page: string; sdk: string };
  storageLocations: string[];
  retentionPeriod: string | null;
  jurisdictions: string[];
  withdrawalMethod: string;
  events: Array<{
    eventId: string;
    eventType: ReceiptEvent;
    eventTime: string;
    recordedTime: string;
    validityDuration: string | null;
    eventState: Exclude<Iso27560State, 'not-required'>;
    previousEventId: string | null;
  }>;
  integrity: { chainPosition: number; hashAlgorithm: 'SHA-256'; previousHash: string; hash: string };
}

const METHODS: Record<ConsentReceipt['method'], string> = {
  checkbox: 'checkbox ticked by the PII principal',
  button: 'button pressed by the PII principal',
  api: 'site script on behalf of the PII principal',
  gpc: 'Global Privacy Control signal of the browser',
};

function eventState(receipt: ConsentReceipt): Exclude<Iso27560State, 'not-required'> {
  if (receipt.event === 'withdraw') return 'withdrawn';
  const optional = Object.keys(receipt.categories).filter((id) => id !== NECESSARY);
  return optional.some((id) => receipt.categories[id] === true) ? 'given' : 'refused';
}

function purposeState(receipt: ConsentReceipt, id: string): Iso27560State {
  if (id === NECESSARY) return 'not-required';
  if (receipt.categories[id] === true) return 'given';
  return receipt.event === 'withdraw' ? 'withdrawn' : 'refused';
}

function origin(page: string): string | null {
  try {
    const value = new URL(page).origin;
    return value === 'null' ? null : value;
  } catch {
    return null;
  }
}

/**
 * Map a stored receipt and the operator's {@link RecordSettings} to an
 * ISO/IEC TS 27560:2023 consent record (see the mapping table in the
 * collector README). One receipt is one event; `previousEventId` links the
 * subject's history.
 *
 * @example
 * const row = await collector.store.get(receiptId);
 * if (row) console.log(toIso27560Record(row, { retention: 'P3Y' }).events[0].eventState); // 'given'
 */
export function toIso27560Record(row: StoredReceipt, settings: RecordSettings = {}): Iso27560Record {
  const receipt = JSON.parse(row.receiptJson) as ConsentReceipt;
  const operator = receipt.operator;
  const purposes = Object.keys(receipt.categories).map((id): Iso27560Purpose => {
    const category = categorySettings(settings, id);
    return {
      purposeId: id,
      purpose: category.purpose,
      lawfulBasis: id === NECESSARY ? 'strictly-necessary' : 'consent',
      piiCategories: category.piiCategories,
      recipients: category.processors,
      thirdPartyDisclosure: category.processors.length > 0,
      state: purposeState(receipt, id),
    };
  });
  const recipients = new Map<string, string[]>();
  for (const purpose of purposes) {
    for (const name of purpose.recipients) recipients.set(name, [...(recipients.get(name) ?? []), purpose.purposeId]);
  }
  const registrationIds: Iso27560Record['piiControllers'][number]['registrationIds'] = [];
  if (operator.inn) registrationIds.push({ scheme: 'RU-INN', value: operator.inn });
  if (operator.ogrn) registrationIds.push({ scheme: 'RU-OGRN', value: operator.ogrn });
  const withdrawal =
    settings.withdrawalMethod ??
    (operator.email
      ? `a request to ${operator.email}, or the site's cookie settings (withdraw)`
      : "the site's cookie settings (withdraw)");
  return {
    schemaId: ISO27560_SCHEMA_ID,
    schemaVersion: '1',
    conformsTo: 'ISO/IEC TS 27560:2023',
    recordId: receipt.receiptId,
    piiPrincipal: { id: receipt.subjectId, idType: 'pseudonym' },
    notices: receipt.documents.map((document, index) => ({
      noticeId: document.url ? `${document.url}#${document.version}` : `inline-${index}#${document.version}`,
      kind: document.kind === 'policy' ? 'privacy-policy' : 'consent-form',
      url: document.url || null,
      version: document.version,
      language: receipt.language,
      hashAlgorithm: 'SHA-256',
      hash: document.sha256,
    })),
    purposes,
    piiControllers: [
      {
        name: operator.name ?? '',
        address: operator.address ?? null,
        email: operator.email ?? null,
        registrationIds,
        url: origin(receipt.page),
      },
    ],
    recipients: [...recipients].map(([name, purposeIds]) => ({ name, role: 'processor', purposeIds })),
    collection: {
      method: METHODS[receipt.method],
      interface: receipt.gpc ? 'web page (GPC signal present)' : 'web page',
      page: receipt.page,
      sdk: receipt.sdk,
    },
    storageLocations: settings.storageLocations ?? ['RU'],
    retentionPeriod: settings.retention ?? null,
    jurisdictions: settings.jurisdictions ?? ['RU'],
    withdrawalMethod: withdrawal,
    events: [
      {
        eventId: receipt.receiptId,
        eventType: receipt.event,
        eventTime: new Date(receipt.timestamp * 1000).toISOString(),
        recordedTime: new Date(row.receivedAt).toISOString(),
        validityDuration: receipt.event === 'withdraw' ? null : (settings.validity ?? 'P6M'),
        eventState: eventState(receipt),
        previousEventId: receipt.previousReceiptId ?? null,
      },
    ],
    integrity: { chainPosition: row.id, hashAlgorithm: 'SHA-256', previousHash: row.prevHash, hash: row.hash },
  };
}
