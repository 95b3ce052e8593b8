import type {
  CategoryConfig,
  ConsentConfig,
  DocumentConfig,
  IntegrationsConfig,
  ResolvedConfig,
  ServiceConfig,
} from './config-types';
import type { Report } from './config-problem';

const CATEGORY_ID = /^[a-z][a-z0-9_-]{0,31}$/;
export const DEFAULT_LIFETIME_MONTHS = 6;
export const MAX_LIFETIME_MONTHS = 13;
const COOKIE_NAME = /^[\w-]{1,64}$/;
// Browsers drop tabs and line breaks anywhere in a URL and C0 controls and spaces around it, so
// `java\tscript:` is `javascript:` to them: the test sees the URL the way they do.
const SCRIPT_URL = /^[\0- ]*(javascript|data|vbscript|blob):/i;

const TRACKERS: Array<[keyof IntegrationsConfig, ServiceConfig]> = [
  [
    'yandexMetrica',
    {
      name: { ru: 'Яндекс Метрика', en: 'Yandex Metrica' },
      processor: { ru: 'ООО «Яндекс»', en: 'Yandex LLC' },
      cookies: ['_ym*'],
    },
  ],
  ['googleAnalytics', { name: 'Google Analytics', processor: 'Google LLC', cookies: ['_ga*', '_gid', '_gat*'] }],
  ['googleTagManager', { name: 'Google Tag Manager', processor: 'Google LLC', cookies: ['_ga*', '_gid', '_gat*'] }],
];

/** Links and endpoints are followed by the SDK: a script URL there would run in the site's origin. */
function unsafeUrl(url: string, field: string, report: Report): boolean {
  if (!SCRIPT_URL.test(url.replace(/[\t\n\r]/g, ''))) return false;
  report('unsafeUrl', field, url);
  return true;
}

function safeDocument(doc: DocumentConfig | undefined, field: string, report: Report): DocumentConfig {
  if (!doc) return {};
  if (doc.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(doc.sha256)) {
    report('badDigest', field);
    doc = { ...doc, sha256: undefined };
  }
  return doc.url && unsafeUrl(doc.url, `${field}.url`, report) ? { ...doc, url: undefined } : doc;
}

/** Fills defaults and rejects values that are well-typed but wrong (a category id with spaces, a 30-month lifetime). */
export function resolveConfig(config: ConsentConfig, report: Report): ResolvedConfig {
  const categories: CategoryConfig[] = [];
  const seen = new Set<string>();
  const given = config.categories ?? [{ id: 'analytics' }, { id: 'marketing' }];
  for (const cat of [{ id: 'necessary' }, ...given]) {
    if (!CATEGORY_ID.test(cat.id ?? '')) {
      report('categoryId', cat.id);
    } else if (seen.has(cat.id)) {
      // A configured `necessary` replaces the built-in one (its labels and services).
      if (cat.id === 'necessary') categories[0] = cat;
      else report('categoryDuplicate', cat.id);
    } else {
      seen.add(cat.id);
      categories.push(cat);
    }
  }

  let lifetimeMonths = config.lifetimeMonths ?? DEFAULT_LIFETIME_MONTHS;
  if (!(lifetimeMonths > 0 && lifetimeMonths <= MAX_LIFETIME_MONTHS)) {
    report('lifetime', lifetimeMonths);
    lifetimeMonths = DEFAULT_LIFETIME_MONTHS;
  }

  const cookie = config.cookie ?? {};
  let name = cookie.name ?? 'soglasie';
  if (!COOKIE_NAME.test(name)) {
    report('cookieName', name);
    name = 'soglasie';
  }

  const integrations = config.integrations ?? {};
  // Each built-in tracker waits for its category: `analytics`, or Metrica's own `category`.
  const waits = new Map<string, Array<[keyof IntegrationsConfig, ServiceConfig]>>();
  for (const entry of TRACKERS) {
    const tracker = integrations[entry[0]];
    if (!tracker) continue;
    const id = ('category' in tracker && tracker.category) || 'analytics';
    waits.set(id, [...(waits.get(id) ?? []), entry]);
  }
  waits.forEach((entries, id) => {
    const i = categories.findIndex((c) => c.id === id);
    const services = entries.map((entry) => entry[1]);
    if (i < 0) {
      report(
        'integrationWithoutCategory',
        entries.map((entry) => entry[0]),
        id,
      );
    }
    // The built-in trackers name themselves and their processors unless the site lists services itself.
    else if (!categories[i].services) categories[i] = { ...categories[i], services };
  });
  const policy = safeDocument(config.policy, 'policy', report);
  const consent = safeDocument(config.consent, 'consent', report);
  const endpoint = config.endpoint && unsafeUrl(config.endpoint, 'endpoint', report) ? undefined : config.endpoint;

  const autoblockUrls = (config.autoblockUrls ?? []).flatMap((entry, i) => {
    // `https://stats.example.ru/c.js` and `stats.example.ru` are read as `stats.example.ru/c.js` and `stats.example.ru/`.
    const url = (entry.url ?? '').replace(/^(https?:)?\/\//i, '');
    if (!/^[a-z0-9.-]+$/i.test(url.split('/')[0]) || !entry.category) {
      report('autoblockUrl', i, entry);
      return [];
    }
    if (!seen.has(entry.category)) {
      report('autoblockCategory', i, entry.category);
      return [];
    }
    return [{ url: url.includes('/') ? url : url + '/', category: entry.category }];
  });

  const resolved: ResolvedConfig = {
    categories,
    optional: categories.slice(1).map((c) => c.id),
    categoriesListed: config.categories !== undefined,
    policy,
    consent,
    operator: config.operator ?? {},
    processing: config.processing ?? {},
    lifetimeMonths,
    cookie: { name, path: cookie.path ?? '/', domain: cookie.domain },
    endpoint,
    lang: config.lang,
    mode: config.mode ?? 'checkbox',
    position: config.position ?? 'bar',
    theme: config.theme ?? 'auto',
    texts: config.texts ?? {},
    integrations,
    reloadOnWithdraw: config.reloadOnWithdraw ?? true,
    floatingButton: config.floatingButton ?? false,
    respectGpc: config.respectGpc ?? true,
    observe: config.observe ?? true,
    autoblock: config.autoblock ?? true,
    autoblockUrls,
  };
  reportMissingConsentElements(resolved, report);
  return resolved;
}

/** 152-FZ art. 9 part 4: what a written consent must name. Say what the config lacks, once. */
function reportMissingConsentElements(c: ResolvedConfig, report: Report): void {
  const missing: string[] = [];
  if (!c.operator.name) missing.push('operator.name');
  if (!c.operator.address) missing.push('operator.address');
  if (!c.processing.purposes?.length) missing.push('processing.purposes');
  if (!c.operator.email) missing.push('operator.email (withdrawal)');
  if (!c.consent.url && !c.consent.text) missing.push('consent (the consent document)');
  if (missing.length) {
    report('consentIncomplete', missing);
  }
}
