import type { ConsentReceipt } from '../receipt/receipt-types';
import { categorySettings, NECESSARY, type RecordSettings } from './record-settings';

/** A purpose in a Kantara Consent Receipt v1.1. */
export interface KantaraPurpose {
  purpose: string;
  purposeCategory: string[];
  /** `NOT-REQUIRED` for `necessary`, which runs without consent. */
  consentType: 'EXPLICIT' | 'NOT-REQUIRED';
  piiCategory: string[];
  primaryPurpose: boolean;
  termination: string;
  thirdPartyDisclosure: boolean;
  /** The processors, when the settings name some for this category. */
  thirdPartyName?: string;
}

/** A Kantara Initiative Consent Receipt v1.1 (KI-CR-v1.1.0); `publicKey` is omitted. */
export interface KantaraReceipt {
  version: 'KI-CR-v1.1.0';
  jurisdiction: 'RU';
  consentTimestamp: number;
  collectionMethod: string;
  consentReceiptID: string;
  language: string;
  piiPrincipalId: string;
  piiControllers: Array<{
    piiController: string;
    onBehalf: boolean;
    contact: string;
    address: { streetAddress: string; addressCountry: string };
    email: string;
    phone: string;
    piiControllerUrl?: string;
  }>;
  policyUrl: string;
  services: Array<{ service: string; purposes: KantaraPurpose[] }>;
  sensitive: false;
  spiCat: string[];
}

const METHODS: Record<ConsentReceipt['method'], string> = {
  checkbox: 'web form: checkbox ticked by the visitor',
  button: 'web form: button pressed by the visitor',
  api: 'web page: site script on behalf of the visitor',
  gpc: 'browser signal: Global Privacy Control',
};

/** Categories that run without consent (Kantara's "primary purpose"). */
const PRIMARY = new Set(['necessary', 'essential', 'functional']);

/**
 * Map a receipt to a Kantara Consent Receipt v1.1 view. Each granted
 * category becomes a service with one purpose; declined ones are left out,
 * since a Kantara receipt lists what was consented to. The operator's
 * {@link RecordSettings} name each category's purpose, data and processors.
 *
 * @example
 * const view = toKantaraReceipt(receipt);
 * view.piiPrincipalId === receipt.subjectId; // true
 */
export function toKantaraReceipt(receipt: ConsentReceipt, settings: RecordSettings = {}): KantaraReceipt {
  const policy = receipt.documents.find((doc) => doc.kind === 'policy') ?? receipt.documents[0];
  const policyUrl = policy?.url ?? '';
  const termination = 'Until withdrawn by the data subject (152-FZ art. 9 part 2)';
  const operator = receipt.operator;
  let site: string | undefined;
  try {
    site = new URL(receipt.page).origin;
  } catch {
    site = undefined;
  }
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: 'RU',
    consentTimestamp: receipt.timestamp,
    collectionMethod: METHODS[receipt.method],
    consentReceiptID: receipt.receiptId,
    language: receipt.language,
    piiPrincipalId: receipt.subjectId,
    piiControllers: [
      {
        piiController: operator.name ?? '',
        onBehalf: false,
        contact: operator.name ?? '',
        address: { streetAddress: operator.address ?? '', addressCountry: 'RU' },
        email: operator.email ?? '',
        phone: '',
        ...(site && site !== 'null' ? { piiControllerUrl: site } : {}),
      },
    ],
    policyUrl,
    services: Object.keys(receipt.categories)
      .filter((category) => receipt.categories[category] === true)
      .map((category) => {
        const own = categorySettings(settings, category);
        const purpose: KantaraPurpose = {
          purpose: own.purpose,
          purposeCategory: [category],
          consentType: category === NECESSARY ? 'NOT-REQUIRED' : 'EXPLICIT',
          piiCategory: own.piiCategories,
          primaryPurpose: PRIMARY.has(category),
          termination,
          thirdPartyDisclosure: own.processors.length > 0,
        };
        if (own.processors.length > 0) purpose.thirdPartyName = own.processors.join(', ');
        return { service: category, purposes: [purpose] };
      }),
    sensitive: false,
    spiCat: [],
  };
}
