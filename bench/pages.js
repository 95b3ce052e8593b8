// The benchmark's pages: one small, realistic site page, identical for every library except for the
// consent library's own tags. Every library gets the same three categories (necessary, analytics,
// marketing), the same Russian texts and one gated analytics script that sets
// performance.mark('analytics-ran'), gated by the library's own documented mechanism.

export const POLICY_URL = '/policies/autocrm-policy.txt';

/** The texts every library shows (soglasie's own Russian defaults, copied to the peers). */
export const TEXT = {
  title: 'Мы используем cookie',
  description:
    'Сайт обрабатывает персональные данные и использует файлы cookie. Необходимые cookie работают всегда; на остальное нужно ваше согласие.',
  policy: 'Политика конфиденциальности',
  accept: 'Принять',
  decline: 'Отклонить',
  settings: 'Настроить',
  acceptAll: 'Принять все',
  declineAll: 'Отклонить все',
  save: 'Сохранить',
  close: 'Закрыть',
  prefsTitle: 'Настройки cookie',
  categories: [
    ['necessary', 'Необходимые', 'Обеспечивают работу сайта и запоминают ваш выбор. Отключить нельзя.'],
    ['analytics', 'Аналитика', 'Помогают понять, как посетители пользуются сайтом.'],
    ['marketing', 'Маркетинг', 'Показ и оценка рекламы.'],
  ],
};

/** What the gated script does, for every library. */
const ANALYTICS_BODY = "performance.mark('analytics-ran');";

const SITE_CSS = `body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1b1b}
header,main,footer{max-width:44rem;margin:0 auto;padding:1rem}
header{display:flex;gap:1rem;align-items:center;border-bottom:1px solid #ddd}
nav a{margin-right:1rem;color:#0b57d0}
h1{font-size:2rem;margin:.5rem 0}
footer{color:#666;font-size:.875rem;border-top:1px solid #ddd}`;

const SITE_BODY = `<header><strong>АвтоСервис</strong><nav><a href="#">Услуги</a><a href="#">Цены</a><a href="#">Контакты</a></nav></header>
<main>
<h1>Ремонт и обслуживание автомобилей</h1>
<p>Мы обслуживаем легковые автомобили всех марок: плановое ТО, диагностика, ремонт двигателя и ходовой части. Запись онлайн занимает минуту, а мастер перезвонит, чтобы подтвердить время.</p>
<p>На все работы даём гарантию до двух лет. Запчасти заказываем у официальных поставщиков и всегда согласуем смету заранее — никаких неожиданных строк в счёте.</p>
<p>Работаем ежедневно с 9:00 до 21:00. Пока идёт ремонт, можно подождать в зоне отдыха с кофе и Wi-Fi или воспользоваться подменным автомобилем.</p>
<p>Адрес: г. Тула, ул. Революции, д. 21. Телефон: +7 (4872) 00-00-00.</p>
</main>
<footer>© 2026 АвтоСервис. <a href="${POLICY_URL}">${TEXT.policy}</a></footer>`;

function page({ head = '', bodyEnd = '' }) {
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>АвтоСервис — ремонт автомобилей</title>
<style>${SITE_CSS}</style>
${head}
</head><body>
${SITE_BODY}
${bodyEnd}
</body></html>`;
}

const json = (value) => JSON.stringify(value, null, 1);

// ---------------------------------------------------------------------------------------------
// Library definitions. `banner` says how the init script finds the banner element;
// `decide` runs in the page to accept analytics only; `decided` tells when that decision is stored.

const vanillaConfig = {
  // On by default, it hides the banner from headless browsers (navigator.webdriver): this benchmark is one.
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, marketing: {} },
  language: {
    default: 'ru',
    translations: {
      ru: {
        consentModal: {
          title: TEXT.title,
          description: `${TEXT.description} <a href="${POLICY_URL}">${TEXT.policy}</a>`,
          acceptAllBtn: TEXT.accept,
          acceptNecessaryBtn: TEXT.decline,
          showPreferencesBtn: TEXT.settings,
        },
        preferencesModal: {
          title: TEXT.prefsTitle,
          acceptAllBtn: TEXT.acceptAll,
          acceptNecessaryBtn: TEXT.declineAll,
          savePreferencesBtn: TEXT.save,
          closeIconLabel: TEXT.close,
          sections: TEXT.categories.map(([id, title, description]) => ({ title, description, linkedCategory: id })),
        },
      },
    },
  },
};

const orejimeConfig = {
  privacyPolicyUrl: POLICY_URL,
  purposes: TEXT.categories.map(([id, title, description]) => ({
    id,
    title,
    description,
    cookies: [],
    ...(id === 'necessary' ? { isMandatory: true } : {}),
  })),
  translations: {
    banner: {
      title: TEXT.title,
      description: `${TEXT.description} {privacyPolicy}.`,
      privacyPolicyLabel: TEXT.policy,
      accept: TEXT.accept,
      acceptTitle: TEXT.acceptAll,
      decline: TEXT.decline,
      declineTitle: TEXT.declineAll,
      configure: TEXT.settings,
      configureTitle: TEXT.prefsTitle,
    },
    modal: {
      title: TEXT.prefsTitle,
      description: '{privacyPolicy}',
      privacyPolicyLabel: TEXT.policy,
      close: TEXT.close,
      closeTitle: TEXT.close,
      globalPreferences: 'Все категории',
      acceptAll: TEXT.acceptAll,
      declineAll: TEXT.declineAll,
      save: TEXT.save,
      saveTitle: TEXT.save,
    },
    purpose: {
      mandatory: 'всегда включены',
      mandatoryTitle: 'Всегда включены',
      exempt: 'можно отключить',
      exemptTitle: 'Включено по умолчанию',
      showMore: 'Подробнее',
      accept: TEXT.accept,
      decline: TEXT.decline,
      enabled: 'включено',
      disabled: 'выключено',
      partial: 'частично',
    },
    misc: {
      newWindowTitle: 'новое окно',
      updateNeeded: 'С вашего прошлого визита кое-что изменилось.',
      poweredBy: 'Orejime',
    },
  },
};

const klaroConfig = {
  version: 1,
  elementID: 'klaro',
  lang: 'ru',
  storageMethod: 'cookie',
  cookieName: 'klaro',
  cookieExpiresAfterDays: 365,
  default: false,
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  hideLearnMore: false,
  noticeAsModal: false,
  showNoticeTitle: true,
  htmlTexts: false,
  groupByPurpose: true,
  translations: {
    ru: {
      privacyPolicyUrl: POLICY_URL,
      consentNotice: {
        title: TEXT.title,
        description: `${TEXT.description} {privacyPolicy}.`,
        learnMore: TEXT.settings,
      },
      privacyPolicy: { name: TEXT.policy, text: '{privacyPolicy}' },
      consentModal: { title: TEXT.prefsTitle, description: TEXT.description },
      ok: TEXT.accept,
      acceptAll: TEXT.accept,
      acceptSelected: TEXT.save,
      decline: TEXT.decline,
      save: TEXT.save,
      close: TEXT.close,
      purposes: Object.fromEntries(TEXT.categories.map(([id, title, description]) => [id, { title, description }])),
    },
  },
  services: TEXT.categories.map(([id, title, description]) => ({
    name: id,
    title,
    description,
    purposes: [id],
    ...(id === 'necessary' ? { required: true } : {}),
  })),
};

export const LIBRARIES = {
  empty: {
    label: 'empty page (no consent library)',
    html: page({ bodyEnd: `<script>${ANALYTICS_BODY}</script>` }),
    // The reference point for "banner visible" on the empty page is its own heading.
    banner: { css: 'main h1' },
  },
  soglasie: {
    label: 'soglasie',
    html: page({
      // A complete configuration, as a real site gives it (an incomplete one prints a 152-FZ warning).
      head: `<script src="/dist/soglasie.iife.js" data-policy-url="${POLICY_URL}" data-consent-url="/policies/autocrm-consent.txt" data-operator-name="ООО «Инфотек»" data-operator-address="г. Тула" data-operator-email="hd@autocrm.ru" data-purposes="аналитика" data-mode="checkbox"></script>`,
      bodyEnd: `<script type="text/plain" data-consent="analytics">${ANALYTICS_BODY}</script>`,
    }),
    banner: { host: 'soglasie-consent', css: 'section' },
    decide: "window.Soglasie.accept(['analytics'])",
    decided: 'window.Soglasie.get().decided === true',
  },
  'vanilla-cookieconsent': {
    label: 'vanilla-cookieconsent',
    html: page({
      // run() needs document.body, so the script tags go at the end of the body (as in its docs).
      head: `<link rel="stylesheet" href="/nm/vanilla-cookieconsent/dist/cookieconsent.css">`,
      bodyEnd: `<script type="text/plain" data-category="analytics">${ANALYTICS_BODY}</script>
<script src="/nm/vanilla-cookieconsent/dist/cookieconsent.umd.js"></script>
<script>CookieConsent.run(${json(vanillaConfig)});</script>`,
    }),
    banner: { css: '#cc-main .cm' },
    decide: "window.CookieConsent.acceptCategory(['analytics'])",
    decided: "window.CookieConsent.validConsent() && window.CookieConsent.acceptedCategory('analytics')",
  },
  orejime: {
    label: 'orejime',
    html: page({
      head: `<link rel="stylesheet" href="/nm/orejime/dist/orejime-standard.css">
<script>window.orejimeConfig = ${json(orejimeConfig)};</script>
<script src="/nm/orejime/dist/orejime-standard-en.js"></script>`,
      bodyEnd: `<template data-purpose="analytics"><script>${ANALYTICS_BODY}</script></template>`,
    }),
    banner: { css: '.orejime-Banner' },
    decide: "window.orejime.manager.setConsent('analytics', true)",
    // Orejime 3 stores the decision in cookie `eu-consent`.
    decided: "/(^|; )eu-consent=/.test(document.cookie) && window.orejime.manager.getConsent('analytics') === true",
  },
  klaro: {
    label: 'klaro',
    html: page({
      head: `<script>var klaroConfig = ${json(klaroConfig)};</script>
<script src="/nm/klaro/dist/klaro.js"></script>`,
      bodyEnd: `<script type="text/plain" data-type="text/javascript" data-name="analytics">${ANALYTICS_BODY}</script>`,
    }),
    banner: { css: '.klaro .cookie-notice:not(.cookie-notice-hidden)' },
    decide:
      "(() => { const m = window.klaro.getManager(); m.updateConsent('analytics', true); m.saveAndApplyConsents(); })()",
    decided: "/(^|; )klaro=/.test(document.cookie) && window.klaro.getManager().getConsent('analytics') === true",
  },
};

/** The libraries compared with each other (the empty page is the reference, not a peer). */
export const PEERS = ['soglasie', 'vanilla-cookieconsent', 'orejime', 'klaro'];
export const BASELINE = 'vanilla-cookieconsent';
