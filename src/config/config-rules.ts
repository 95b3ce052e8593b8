/**
 * The allow-list every configuration passes through, whatever its source (JS object, data-* attributes,
 * JSON block). A field that is not here does not exist.
 */
export type Rule =
  | 'string'
  | 'number'
  | 'boolean'
  /** Free-form JSON (tracker options): primitives, lists and plain objects, unsafe keys dropped. */
  | 'json'
  /** One of these strings. */
  | { enum: readonly string[] }
  | { list: Rule; max: number }
  | { fields: { readonly [key: string]: Rule } }
  /** Free-form keys (text overrides), each value checked by the rule. */
  | { map: Rule }
  /** The first rule whose JSON type matches the value. */
  | { anyOf: readonly Rule[] };

const localized: Rule = { anyOf: ['string', { fields: { ru: 'string', en: 'string' } }] };
const strings: Rule = { list: 'string', max: 50 };
const doc: Rule = { fields: { url: 'string', text: 'string', version: 'string', sha256: 'string' } };
const trackerId: Rule = { anyOf: ['string', 'number', { list: { anyOf: ['string', 'number'] }, max: 10 }] };

export const configRules: Rule = {
  fields: {
    categories: {
      list: {
        fields: {
          id: 'string',
          label: localized,
          description: localized,
          services: {
            list: { fields: { name: localized, processor: localized, processorAddress: localized, cookies: strings } },
            max: 30,
          },
        },
      },
      max: 30,
    },
    policy: doc,
    consent: doc,
    operator: {
      fields: { name: 'string', inn: 'string', ogrn: 'string', address: 'string', email: 'string', site: 'string' },
    },
    processing: { fields: { purposes: strings, data: strings, actions: strings, term: 'string' } },
    lifetimeMonths: 'number',
    cookie: { fields: { name: 'string', domain: 'string', path: 'string' } },
    endpoint: 'string',
    lang: { enum: ['ru', 'en'] },
    mode: { enum: ['checkbox', 'buttons'] },
    position: { enum: ['bar', 'box', 'modal'] },
    theme: { enum: ['auto', 'light', 'dark'] },
    texts: { fields: { ru: { map: 'string' }, en: { map: 'string' } } },
    integrations: {
      fields: {
        yandexMetrica: { fields: { id: trackerId, options: 'json', src: 'string', category: 'string' } },
        googleAnalytics: {
          fields: { id: 'string', mode: { enum: ['basic', 'advanced'] }, src: 'string', options: 'json' },
        },
        googleTagManager: { fields: { id: 'string', src: 'string', category: 'string' } },
      },
    },
    reloadOnWithdraw: 'boolean',
    floatingButton: 'boolean',
    respectGpc: 'boolean',
    observe: 'boolean',
    autoblock: 'boolean',
    autoblockUrls: { list: { fields: { url: 'string', category: 'string' } }, max: 50 },
  },
};
