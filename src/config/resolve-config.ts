import type {
  CategoryConfig,
  ConsentConfig,
  DocumentConfig,
  IntegrationsConfig,
  ResolvedConfig,
  ServiceConfig,
} from './config-types';
import type { Warn } from './parse-config';

const CATEGORY_ID = /^[a-z][a-z0-9_-]{0,31}$/;
const DEFAULT_LIFETIME = 6;
const MAX_LIFETIME = 13;
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
function unsafeUrl(url: string, field: string, warn: Warn): boolean {
  if (!SCRIPT_URL.test(url.replace(/[\t\n\r]/g, ''))) return false;
  warn(__QUIET__ ? '' : `${field}: ${JSON.stringify(url.slice(0, 40))} is not an http(s) or relative URL; ignored`);
  return true;
}

function safeDocument(doc: DocumentConfig | undefined, field: string, warn: Warn): DocumentConfig {
  if (!doc) return {};
  if (doc.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(doc.sha256)) {
    warn(__QUIET__ ? '' : `${field}.sha256: expected 64 lower-case hex digits (soglasie digest FILE); ignored`);
    doc = { ...doc, sha256: undefined };
  }
  return doc.url && unsafeUrl(doc.url, `${field}.url`, warn) ? { ...doc, url: undefined } : doc;
}

/** Fills defaults and rejects values that are well-typed but wrong (a category id with spaces, a 30-month lifetime). */
export function resolveConfig(config: ConsentConfig, warn: Warn): ResolvedConfig {
  const categories: CategoryConfig[] = [];
  const seen = new Set<string>();
  const given = config.categories ?? [{ id: 'analytics' }, { id: 'marketing' }];
  for (const cat of [{ id: 'necessary' }, ...given]) {
    if (!CATEGORY_ID.test(cat.id ?? '')) {
      warn(__QUIET__ ? '' : `categories: id ${JSON.stringify(cat.id)} must match ${CATEGORY_ID}; category ignored`);
    } else if (seen.has(cat.id)) {
      // A configured `necessary` replaces the built-in one (its labels and services).
      if (cat.id === 'necessary') categories[0] = cat;
      else warn(__QUIET__ ? '' : `categories: duplicate id "${cat.id}" ignored`);
    } else {
      seen.add(cat.id);
      categories.push(cat);
    }
  }

  let lifetimeMonths = config.lifetimeMonths ?? DEFAULT_LIFETIME;
  if (!(lifetimeMonths > 0 && lifetimeMonths <= MAX_LIFETIME)) {
    warn(
      __QUIET__
        ? ''
        : `lifetimeMonths: expected a number from 1 to ${MAX_LIFETIME}, got ${lifetimeMonths}; using ${DEFAULT_LIFETIME}`,
    );
    lifetimeMonths = DEFAULT_LIFETIME;
  }

  const cookie = config.cookie ?? {};
  let name = cookie.name ?? 'soglasie';
  if (!COOKIE_NAME.test(name)) {
    warn(
      __QUIET__ ? '' : `cookie.name: expected letters, digits, _ or -, got ${JSON.stringify(name)}; using "soglasie"`,
    );
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
    if (i < 0)
      warn(
        __QUIET__
          ? ''
          : `integrations: ${entries.map((entry) => entry[0]).join(', ')} wait for the "${id}" category, which is not configured; they will never load`,
      );
    // The built-in trackers name themselves and their processors unless the site lists services itself.
    else if (!categories[i].services) categories[i] = { ...categories[i], services };
  });
  const policy = safeDocument(config.policy, 'policy', warn);
  const consent = safeDocument(config.consent, 'consent', warn);
  const endpoint = config.endpoint && unsafeUrl(config.endpoint, 'endpoint', warn) ? undefined : config.endpoint;

  const autoblockUrls = (config.autoblockUrls ?? []).flatMap((entry, i) => {
    // `https://stats.example.ru/c.js` and `stats.example.ru` are read as `stats.example.ru/c.js` and `stats.example.ru/`.
    const url = (entry.url ?? '').replace(/^(https?:)?\/\//i, '');
    const host = url.split('/')[0];
    if (!/^[a-z0-9.-]+$/i.test(host) || !entry.category) {
      warn(
        __QUIET__
          ? ''
          : `autoblockUrls[${i}]: expected { url: "host/path", category }, got ${JSON.stringify(entry)}; ignored`,
      );
      return [];
    }
    if (!seen.has(entry.category)) {
      warn(__QUIET__ ? '' : `autoblockUrls[${i}]: category "${entry.category}" is not configured; ignored`);
      return [];
    }
    return [{ url: url.includes('/') ? url : url + '/', category: entry.category }];
  });

  const resolved: ResolvedConfig = {
    categories,
    optional: categories.slice(1).map((c) => c.id),
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
  warnMissingConsentElements(resolved, warn);
  return resolved;
}

/** 152-FZ art. 9 part 4: what a written consent must name. Say what the config lacks, once. */
function warnMissingConsentElements(c: ResolvedConfig, warn: Warn): void {
  const missing: string[] = [];
  if (!c.operator.name) missing.push('operator.name');
  if (!c.operator.address) missing.push('operator.address');
  if (!c.processing.purposes?.length) missing.push('processing.purposes');
  if (!c.operator.email) missing.push('operator.email (withdrawal)');
  if (!c.consent.url && !c.consent.text) missing.push('consent (the consent document)');
  if (missing.length) {
    warn(
      __QUIET__
        ? ''
        : `a consent under 152-FZ art. 9 must name the operator's name and address, the purposes, the list of data, ` +
            `the processors, the actions, the term and how to withdraw; missing: ${missing.join(', ')}`,
    );
  }
}
