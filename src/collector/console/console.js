import { ApiError, createApi } from './api.js';
import { renderCertificate } from './certificate.js';
import { certificateTexts } from './certificate-texts.js';
import { element, facts, formatTime } from './element.js';
import { renderReceipt, showChecks } from './render-receipt.js';
import { renderResults } from './render-results.js';

// The token lives in this tab's sessionStorage: gone when the tab closes, never in a cookie.
const TOKEN_KEY = 'soglasie-console-token';
const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const CONSOLE_TITLE = document.title;
const base = document.querySelector('meta[name="soglasie-base"]').content;
const byId = (id) => document.getElementById(id);

const state = {
  api: undefined,
  filter: {},
  // Cursors of the pages before the current one, to go back to newer pages.
  cursors: [],
  cursor: undefined,
  nextCursor: null,
  view: undefined,
  chain: undefined,
};

function say(message) {
  byId('status').textContent = message;
}

function fail(error) {
  if (error instanceof ApiError && error.status === 401) {
    signOut();
    say('The collector refused the token. Sign in again.');
    return;
  }
  say(`Error: ${error.message}`);
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  state.api = undefined;
  byId('app').hidden = true;
  byId('logout').hidden = true;
  byId('login').hidden = false;
  byId('certificate').hidden = true;
  for (const id of ['results-scroll', 'receipt', 'chain-facts', 'certificate']) byId(id).replaceChildren();
  byId('token').focus();
}

function renderChain() {
  const { head, lastVerify, signedHead } = state.chain;
  let verified = 'not run by this collector process yet';
  if (lastVerify && lastVerify.report.ok) {
    verified = `intact: ${lastVerify.report.checked} checked at ${formatTime(lastVerify.finishedAt)}`;
  }
  if (lastVerify && !lastVerify.report.ok) {
    const broken = lastVerify.report.broken;
    verified = `BROKEN at row #${broken.id}: ${broken.reason} (${formatTime(lastVerify.finishedAt)})`;
  }
  const pairs = [
    ['Receipts in the chain', String(head.count)],
    ['Last row', head.lastId === null ? 'none' : `#${head.lastId}`],
    ['Head hash', element('code', { class: 'hash' }, head.lastHash)],
    ['Last verification', element('span', { id: 'verify-result' }, verified)],
  ];
  if (signedHead) pairs.push(['Signed head', element('code', { class: 'hash' }, JSON.stringify(signedHead))]);
  byId('chain-facts').replaceWith(Object.assign(facts(pairs), { id: 'chain-facts' }));
}

async function loadChain() {
  state.chain = await state.api.chain();
  renderChain();
}

async function signIn(token) {
  state.api = createApi(base, token);
  try {
    await loadChain();
  } catch (error) {
    state.api = undefined;
    if (error instanceof ApiError && error.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      say('The collector refused this token.');
      return;
    }
    say(`Error: ${error.message}`);
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  byId('token').value = '';
  byId('login').hidden = true;
  byId('app').hidden = false;
  byId('logout').hidden = false;
  say('Signed in.');
  byId('query').focus();
}

function dayStart(value) {
  return value ? new Date(`${value}T00:00:00Z`).toISOString() : undefined;
}

function dayAfter(value) {
  if (!value) return undefined;
  const day = new Date(`${value}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

async function showPage() {
  const answer = await state.api.list({ ...state.filter, order: 'desc', limit: PAGE_SIZE, cursor: state.cursor });
  state.nextCursor = answer.nextCursor;
  renderResults(byId('results-scroll'), answer.items, openReceipt);
  byId('results').hidden = false;
  byId('newer').disabled = state.cursors.length === 0;
  byId('older').disabled = state.nextCursor === null;
  byId('page-label').textContent = `Page ${state.cursors.length + 1}`;
  const parts = [state.filter.subjectId ? `subject ${state.filter.subjectId}` : 'all subjects'];
  if (state.filter.from) parts.push(`from ${state.filter.from.slice(0, 10)}`);
  if (state.filter.to) parts.push(`before ${state.filter.to.slice(0, 10)}`);
  byId('results-filter').textContent = `Filter: ${parts.join(', ')}; newest first.`;
  say(`${answer.items.length} receipt(s) on this page.`);
}

async function search(event) {
  event.preventDefault();
  const query = byId('query').value.trim().toLowerCase();
  if (query && !UUID.test(query)) {
    say('Enter a subject id or a receipt id: a UUID such as 3f0c…-…');
    byId('query').focus();
    return;
  }
  const filter = { from: dayStart(byId('from').value), to: dayAfter(byId('to').value) };
  let opened;
  if (query) {
    // A subject id lists that subject; a receipt id (no subject has it) opens the receipt and lists its subject.
    filter.subjectId = query;
    const probe = await state.api.list({ ...filter, limit: 1 });
    if (probe.items.length === 0) {
      try {
        opened = await state.api.receipt(query);
        filter.subjectId = opened.subjectId;
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) throw error;
      }
    }
  }
  state.filter = filter;
  state.cursors = [];
  state.cursor = undefined;
  await showPage();
  if (opened) await openReceipt(opened.receiptId, opened);
}

async function openReceipt(receiptId, known) {
  const view = known ?? (await state.api.receipt(receiptId));
  const all = await state.api.list({ subjectId: view.subjectId, order: 'asc', limit: 1000 });
  state.view = view;
  renderReceipt(byId('receipt'), {
    view,
    history: all.items,
    onOpen: (id) => openReceipt(id).catch(fail),
    onCheck: () => checkDocuments().catch(fail),
    onCertificate: (language) => printCertificate(language).catch(fail),
  });
  byId('receipt').hidden = false;
  byId('certificate').hidden = true;
  document.title = CONSOLE_TITLE;
  byId('receipt-title').focus();
}

async function checkDocuments() {
  say('Fetching the published documents…');
  const answer = await state.api.documents(state.view.receiptId);
  showChecks(byId('receipt'), answer);
  say('Documents checked.');
}

async function printCertificate(language) {
  await loadChain();
  renderCertificate(byId('certificate'), { view: state.view, chain: state.chain, language });
  byId('certificate').hidden = false;
  // While the certificate is shown, the title is its own: the PDF's title and suggested file name.
  document.title = `${certificateTexts[language].title} — ${state.view.receiptId}`;
  window.print();
}

async function exportFilter(format) {
  const file = await state.api.exportFile({ ...state.filter, format });
  const url = URL.createObjectURL(file.blob);
  const link = element('a', { href: url, download: file.name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  say(`Exported ${file.name}.`);
}

async function verifyNow() {
  byId('verify').disabled = true;
  say('Verifying the chain…');
  try {
    state.chain = await state.api.verify();
    renderChain();
    say(state.chain.lastVerify.report.ok ? 'The chain is intact.' : 'The chain is BROKEN: see the hash chain panel.');
  } finally {
    byId('verify').disabled = false;
  }
}

byId('login').addEventListener('submit', (event) => {
  event.preventDefault();
  signIn(byId('token').value.trim()).catch(fail);
});
byId('logout').addEventListener('click', () => {
  signOut();
  say('Token forgotten.');
});
byId('search').addEventListener('submit', (event) => {
  search(event).catch(fail);
});
byId('older').addEventListener('click', () => {
  state.cursors.push(state.cursor);
  state.cursor = state.nextCursor;
  showPage().catch(fail);
});
byId('newer').addEventListener('click', () => {
  state.cursor = state.cursors.pop();
  showPage().catch(fail);
});
byId('verify').addEventListener('click', () => {
  verifyNow().catch(fail);
});
for (const button of document.querySelectorAll('[data-export]')) {
  button.addEventListener('click', () => {
    exportFilter(button.dataset.export).catch(fail);
  });
}

const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved) signIn(saved).catch(fail);
else byId('token').focus();
