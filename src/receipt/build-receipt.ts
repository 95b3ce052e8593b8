import type { DocumentConfig, ResolvedConfig } from '../config/config-types';
import type { ChangeDetail } from '../store/consent-types';
import type { ConsentReceipt, ReceiptDocument, ReceiptOperator } from './receipt-types';

const HEX = /^[0-9a-f]{64}$/;
// The schema's maxLength of each operator field: a longer config value is cut rather than have the
// endpoint refuse (and the SDK drop) the whole receipt.
const OPERATOR: Array<[keyof ReceiptOperator, number]> = [
  ['name', 512],
  ['inn', 32],
  ['ogrn', 32],
  ['address', 512],
  ['email', 256],
];

// parseConfig already refuses a malformed digest; this guards a config that reached here another way.
const configDigest = (doc: DocumentConfig): string | null => (doc.sha256 && HEX.test(doc.sha256) ? doc.sha256 : null);

/**
 * Resolves a document address against the page, so the receipt names one place whatever page it came
 * from: against its origin and path only (a `#consent` or `?doc=` address must not pick up the page's
 * query, which may carry personal data), and with no login in it.
 */
const absolute = (url: string): string => {
  try {
    // Not origin + pathname: the origin is "null" on file: and sandboxed pages.
    const u = new URL(url, location.href.split(/[?#]/)[0]);
    u.username = u.password = '';
    return u.href;
  } catch {
    return url;
  }
};

/**
 * The receipt of a decision, from the `change` detail and the configuration. A digest is filled only
 * when the config gives one; the others stay `null` for the caller to compute. No IP, user agent or
 * anything else about the device: only what the visitor decided, on what, and where.
 *
 * @example
 * consent.on('change', (d) => console.log(buildReceipt(d, consent.config, resolveLang(consent.config.lang))));
 */
export function buildReceipt(
  d: ChangeDetail,
  config: ResolvedConfig,
  language: string,
  page = location.origin + location.pathname,
): ConsentReceipt {
  const { snapshot } = d;
  const operator: ReceiptOperator = {};
  for (const [field, max] of OPERATOR) {
    const value = config.operator[field];
    if (value) operator[field] = value.slice(0, max);
  }
  const documents: ReceiptDocument[] = [];
  for (const kind of ['policy', 'consent'] as const) {
    const doc = config[kind];
    if (doc.url || doc.text) {
      documents.push({
        kind,
        url: doc.url ? absolute(doc.url).slice(0, 2048) : '',
        version: (doc.version ?? '').slice(0, 64),
        sha256: configDigest(doc),
      });
    }
  }
  // A decision recorded by an earlier release (left in storage) has no sequence: it makes a schema-1 receipt.
  const ordered = typeof d.sequence === 'number' && typeof d.timeMs === 'number';
  return {
    schema: ordered ? 2 : 1,
    receiptId: d.receiptId,
    subjectId: snapshot.subjectId as string,
    ...(d.previousReceiptId ? { previousReceiptId: d.previousReceiptId } : {}),
    timestamp: ordered ? Math.floor(d.timeMs / 1000) : (snapshot.time ?? Math.floor(Date.now() / 1000)),
    ...(ordered ? { timestampMs: d.timeMs, sequence: d.sequence } : {}),
    event: d.event,
    method: d.method,
    ...(snapshot.gpc ? { gpc: true } : {}),
    categories: { ...snapshot.categories },
    documents,
    operator,
    // No query string or fragment: they may carry personal data (emails, tokens, ad click ids).
    page: page.slice(0, 1024),
    language,
    sdk: __SDK_VERSION__,
  };
}
