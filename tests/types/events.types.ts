// Type tests: checked by `tsc --noEmit` (npm run typecheck), never run. Each @ts-expect-error line
// must be an error, or the type check fails.
import { createConsent, type ConsentSnapshot } from '../../src/index';

const consent = createConsent();

const off: () => void = consent.on('change', ({ snapshot, event, method, receiptId }) => {
  const s: ConsentSnapshot = snapshot;
  const e: 'accept' | 'decline' | 'update' | 'withdraw' = event;
  const m: 'checkbox' | 'button' | 'api' | 'gpc' = method;
  const id: string = receiptId;
  void [s, e, m, id];
});
off();
consent.on('receipt', (r) => r.documents.map((d) => d.sha256));
consent.on('open', ({ view }) => view satisfies 'preferences' | 'policy' | 'consent' | 'banner');

// @ts-expect-error an unknown event name
consent.on('chnage', () => {});
// @ts-expect-error the change detail has no `categories`
consent.on('change', (d) => d.categories);
// @ts-expect-error categories are a list of ids
consent.accept('analytics');
// @ts-expect-error decisions are booleans
consent.set({ analytics: 'yes' });
// @ts-expect-error an unknown method
consent.decline({ method: 'telepathy' });
// @ts-expect-error an unknown view
consent.open('settings');
// @ts-expect-error an unknown config field
createConsent({ colour: 'red' });
// @ts-expect-error modes are checkbox or buttons
createConsent({ mode: 'popup' });
