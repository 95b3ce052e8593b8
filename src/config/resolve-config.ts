import type { CategoryConfig, ConsentConfig, ResolvedConfig } from './config-types';
import type { Warn } from './parse-config';

const CATEGORY_ID = /^[a-z][a-z0-9_-]{0,31}$/;
const DEFAULT_LIFETIME = 6;
const MAX_LIFETIME = 13;
const COOKIE_NAME = /^[\w-]{1,64}$/;

/** Fills defaults and rejects values that are well-typed but wrong (a category id with spaces, a 30-month lifetime). */
export function resolveConfig(config: ConsentConfig, warn: Warn): ResolvedConfig {
  const categories: CategoryConfig[] = [];
  const seen = new Set<string>();
  const given = config.categories ?? [{ id: 'analytics' }, { id: 'marketing' }];
  for (const cat of [{ id: 'necessary' }, ...given]) {
    if (!CATEGORY_ID.test(cat.id ?? '')) {
      warn(`categories: id ${JSON.stringify(cat.id)} must match ${CATEGORY_ID}; category ignored`);
    } else if (seen.has(cat.id)) {
      // A configured `necessary` replaces the built-in one (its labels and services).
      if (cat.id === 'necessary') categories[0] = cat;
      else warn(`categories: duplicate id "${cat.id}" ignored`);
    } else {
      seen.add(cat.id);
      categories.push(cat);
    }
  }

  let lifetimeMonths = config.lifetimeMonths ?? DEFAULT_LIFETIME;
  if (!(lifetimeMonths > 0 && lifetimeMonths <= MAX_LIFETIME)) {
    warn(`lifetimeMonths: expected a number from 1 to ${MAX_LIFETIME}, got ${lifetimeMonths}; using ${DEFAULT_LIFETIME}`);
    lifetimeMonths = DEFAULT_LIFETIME;
  }

  const cookie = config.cookie ?? {};
  let name = cookie.name ?? 'soglasie';
  if (!COOKIE_NAME.test(name)) {
    warn(`cookie.name: expected letters, digits, _ or -, got ${JSON.stringify(name)}; using "soglasie"`);
    name = 'soglasie';
  }

  const integrations = config.integrations ?? {};
  const analyticsTrackers = [integrations.yandexMetrica, integrations.googleAnalytics, integrations.googleTagManager];
  if (analyticsTrackers.some(Boolean) && !seen.has('analytics')) {
    warn('integrations: trackers wait for the "analytics" category, which is not configured; they will never load');
  }

  const resolved: ResolvedConfig = {
    categories,
    optional: categories.slice(1).map((c) => c.id),
    policy: config.policy ?? {},
    consent: config.consent ?? {},
    operator: config.operator ?? {},
    processing: config.processing ?? {},
    lifetimeMonths,
    cookie: { name, path: cookie.path ?? '/', domain: cookie.domain },
    endpoint: config.endpoint,
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
  if (missing.length && !c.consent.url && !c.consent.text) {
    missing.push('consent (the consent document)');
  }
  if (missing.length) {
    warn(
      `a consent under 152-FZ art. 9 must name the operator's name and address, the purposes, the list of data, ` +
        `the processors, the actions, the term and how to withdraw; missing: ${missing.join(', ')}`,
    );
  }
}
