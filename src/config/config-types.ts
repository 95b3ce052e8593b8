import type { ConsentMethod } from '../receipt/receipt-types';
import type { Texts } from '../ui/texts-ru';

/** A built-in language. */
export type Lang = 'ru' | 'en';

/**
 * Overrides of interface strings for one language: any key of the interface's texts, and the iframe
 * placeholder's `frameNotice` (`{category}` is filled in) and `frameAllow`.
 *
 * @example
 * const en: TextOverrides = { title: 'Cookies', frameAllow: 'Allow video' };
 */
export type TextOverrides = Partial<Record<keyof Texts | 'frameNotice' | 'frameAllow', string>>;

/** A text given per language; a plain string is used for every language. */
export type Localized = string | Partial<Record<Lang, string>>;

/**
 * A service that belongs to a category: named in the banner, the preferences dialog and the consent text.
 *
 * @example
 * { name: { ru: 'Яндекс Метрика', en: 'Yandex Metrica' }, processor: { ru: 'ООО «Яндекс»', en: 'Yandex LLC' }, cookies: ['_ym_uid', '_ym_d'] }
 */
export interface ServiceConfig {
  name: Localized;
  /** The company that processes the data (a processor under 152-FZ art. 6 part 3). */
  processor?: Localized;
  /** The processor's address, which the consent document names (152-FZ art. 9 part 4 item 6). */
  processorAddress?: Localized;
  /** Cookie names it sets; a trailing `*` matches a prefix. Deleted on withdrawal. */
  cookies?: string[];
}

/**
 * A consent category. `necessary` is always granted and cannot be refused.
 *
 * @example
 * { id: 'analytics', label: { ru: 'Аналитика', en: 'Analytics' }, services: [{ name: 'Яндекс Метрика', processor: 'ООО «Яндекс»' }] }
 */
export interface CategoryConfig {
  /** Lower-case id, `[a-z][a-z0-9_-]*`, used in `data-consent` and receipts. */
  id: string;
  label?: Localized;
  description?: Localized;
  services?: ServiceConfig[];
}

/**
 * A document the visitor is shown: the privacy policy or the separate consent form.
 * Give `url` (fetched lazily) or `text` (inline plain text).
 *
 * @example
 * { url: '/policy.txt', version: '2025-09-01' }
 */
export interface DocumentConfig {
  url?: string;
  text?: string;
  /** Changing it asks every visitor again. */
  version?: string;
  /** Hex SHA-256 of the exact UTF-8 text (`soglasie digest FILE`); saves a fetch per decision. */
  sha256?: string;
}

/**
 * The operator (data controller) named in texts and receipts.
 *
 * @example
 * { name: 'ООО «Инфотек»', inn: '7700000000', address: 'г. Москва, …', email: 'hd@autocrm.ru' }
 */
export interface OperatorConfig {
  name?: string;
  inn?: string;
  ogrn?: string;
  address?: string;
  /** Where the visitor sends a withdrawal. */
  email?: string;
  /** The site the consent is given on, as the consent document names it: `autocrm.ru`. */
  site?: string;
}

/**
 * What a Russian consent must say (152-FZ art. 9 part 4), beyond the operator.
 *
 * @example
 * { purposes: ['анализ посещаемости сайта'], data: ['cookie', 'IP-адрес'], actions: ['сбор', 'хранение'], term: 'до отзыва' }
 */
export interface ProcessingConfig {
  purposes?: string[];
  data?: string[];
  actions?: string[];
  term?: string;
}

/** Yandex.Metrica, loaded only after `analytics` is granted. */
export interface YandexMetricaConfig {
  /** Counter id; several ids for several counters. */
  id: string | number | Array<string | number>;
  /** Passed to `ym(id, 'init', options)`: webvisor, clickmap, trackLinks, accurateTrackBounce, … */
  options?: Record<string, unknown>;
  /** tag.js address; defaults to Yandex's. Set it for a self-hosted proxy. */
  src?: string;
  /** Category that must be granted; default `analytics`. */
  category?: string;
}

/** Google Analytics 4 with Consent Mode v2. */
export interface GoogleAnalyticsConfig {
  /** Measurement id `G-XXXX`. */
  id: string;
  /**
   * `basic` (default): gtag.js loads only after consent.
   * `advanced`: gtag.js loads at once with everything denied and sends cookieless pings before consent.
   */
  mode?: 'basic' | 'advanced';
  src?: string;
  /** Passed to `gtag('config', id, options)`. */
  options?: Record<string, unknown>;
}

/** Google Tag Manager with the same Consent Mode v2 defaults. */
export interface GoogleTagManagerConfig {
  /** Container id `GTM-XXXX`. */
  id: string;
  src?: string;
  /**
   * Category that must be granted; default `analytics`. A container that also holds non-Google pixels
   * (VK, Top.Mail.ru, Meta) is better under `marketing`.
   */
  category?: string;
}

/** Built-in trackers: no snippet for the site owner to paste. */
export interface IntegrationsConfig {
  yandexMetrica?: YandexMetricaConfig;
  googleAnalytics?: GoogleAnalyticsConfig;
  googleTagManager?: GoogleTagManagerConfig;
}

/**
 * A site's own tracker for the auto-blocking: the addresses it loads from and the category that allows it.
 * An entry here comes before the built-in catalogue, so it can also move a known tracker to another category.
 *
 * @example
 * { url: 'stats.example.ru/counter.js', category: 'analytics' }
 */
export interface AutoblockUrlConfig {
  /** `host/path-prefix` (scheme optional): the host and its subdomains, then addresses starting with the path. */
  url: string;
  category: string;
}

/** Where the consent cookie lives. */
export interface CookieConfig {
  /** Default `soglasie`. */
  name?: string;
  /** For sharing across subdomains, e.g. `.autocrm.ru`. Default: the current host only. */
  domain?: string;
  /** Default `/`. */
  path?: string;
}

/** How the banner asks. `checkbox`: hand-ticked boxes (default for ru); `buttons`: accept all / reject all / settings. */
export type ConsentMode = 'checkbox' | 'buttons';

/** Where the banner sits. */
export type BannerPosition = 'bar' | 'box' | 'modal';

/**
 * Everything Soglasie can be told. Every field is optional; see the README for defaults.
 *
 * @example
 * const consent = createConsent({
 *   policy: { url: '/policy.txt', version: '3' },
 *   consent: { url: '/consent.txt', version: '3' },
 *   operator: { name: 'ООО «Инфотек»', address: 'г. Москва', email: 'hd@autocrm.ru' },
 *   endpoint: '/receipts',
 *   integrations: { yandexMetrica: { id: 12345678, options: { webvisor: true } } },
 * });
 */
export interface ConsentConfig {
  /** Optional categories; `necessary` is added when missing. Default: analytics and marketing. */
  categories?: CategoryConfig[];
  policy?: DocumentConfig;
  consent?: DocumentConfig;
  operator?: OperatorConfig;
  processing?: ProcessingConfig;
  /** How long a decision (accept or decline) holds, in months: default 6, at most 13. */
  lifetimeMonths?: number;
  cookie?: CookieConfig;
  /** Where receipts are POSTed. Without it receipts are only kept locally and emitted as events. */
  endpoint?: string;
  /** Interface language; default: `<html lang>`, then the browser's. */
  lang?: Lang;
  mode?: ConsentMode;
  position?: BannerPosition;
  /** `auto` follows `prefers-color-scheme`. */
  theme?: 'auto' | 'light' | 'dark';
  /** Overrides of any interface string, per language. */
  texts?: Partial<Record<Lang, TextOverrides>>;
  integrations?: IntegrationsConfig;
  /** Reload the page when consent is taken back after a tracker ran (a loaded tracker cannot be unloaded). Default true. */
  reloadOnWithdraw?: boolean;
  /** Show a small floating button that reopens the preferences. Default false. */
  floatingButton?: boolean;
  /** Keep `marketing` denied when the browser sends Global Privacy Control. Default true. */
  respectGpc?: boolean;
  /** Watch for gated elements added later (SPA, tag managers). Default true. */
  observe?: boolean;
  /**
   * Hold known trackers (Yandex.Metrica, Google tags, pixels, call tracking, YouTube embeds) until their
   * category is granted, without any change to their snippets; the script tag only. Default true;
   * `data-autoblock="off"` turns it off.
   */
  autoblock?: boolean;
  /** The site's own trackers for the auto-blocking. */
  autoblockUrls?: AutoblockUrlConfig[];
}

/** The configuration with every default applied; what the instance works from. */
export interface ResolvedConfig {
  /** Every category, `necessary` first. */
  categories: CategoryConfig[];
  /** Ids of the categories a visitor can refuse. */
  optional: string[];
  /** The site listed its categories itself: each is shown even when the page has nothing of it. */
  categoriesListed: boolean;
  policy: DocumentConfig;
  consent: DocumentConfig;
  operator: OperatorConfig;
  processing: ProcessingConfig;
  lifetimeMonths: number;
  cookie: Required<Pick<CookieConfig, 'name' | 'path'>> & Pick<CookieConfig, 'domain'>;
  endpoint?: string;
  lang?: Lang;
  mode: ConsentMode;
  position: BannerPosition;
  theme: 'auto' | 'light' | 'dark';
  texts: Partial<Record<Lang, TextOverrides>>;
  integrations: IntegrationsConfig;
  reloadOnWithdraw: boolean;
  floatingButton: boolean;
  respectGpc: boolean;
  observe: boolean;
  autoblock: boolean;
  /** Normalized to `host/path`; only entries whose category is configured. */
  autoblockUrls: AutoblockUrlConfig[];
}

export type { ConsentMethod };
