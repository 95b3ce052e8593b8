import { element, facts, formatTime } from './element.js';

const CHECK_TEXT = {
  match: 'matches the text published now',
  differs: 'DIFFERS from the text published now',
  inline: 'inline text: nothing to fetch',
  'no-digest': 'no digest was recorded',
};

/** The text of one document's check, as the documents endpoint answered it. */
export function checkText(check) {
  if (check.status === 'unavailable') return `could not fetch: ${check.reason}`;
  if (check.status === 'differs') return `${CHECK_TEXT.differs} (now ${check.currentSha256})`;
  return CHECK_TEXT[check.status];
}

function documentsTable(receipt) {
  const rows = receipt.documents.map((document, index) =>
    element(
      'tr',
      {},
      element('th', { scope: 'row' }, document.kind),
      element('td', {}, document.version),
      element('td', { class: 'url' }, document.url || '(inline text)'),
      element('td', {}, element('code', { class: 'hash' }, document.sha256 ?? 'none')),
      element('td', { 'data-check': index }, 'not checked'),
    ),
  );
  return element(
    'div',
    { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Documents' },
    element(
      'table',
      {},
      element('caption', {}, 'Documents the visitor was shown'),
      element(
        'thead',
        {},
        element(
          'tr',
          {},
          ['Kind', 'Version', 'URL', 'SHA-256', 'Published text'].map((name) => element('th', { scope: 'col' }, name)),
        ),
      ),
      element('tbody', {}, rows),
    ),
  );
}

function historyList(view, history, onOpen) {
  const items = history.map((entry) => {
    const label = `${formatTime(entry.receivedAt)} — ${entry.receipt.event}`;
    if (entry.receiptId === view.receiptId) return element('li', { 'aria-current': 'true' }, `${label} (this receipt)`);
    return element(
      'li',
      {},
      element('button', { type: 'button', class: 'link', onclick: () => onOpen(entry.receiptId) }, label),
    );
  });
  return element('ol', { class: 'history' }, items);
}

function operatorLine(operator) {
  const parts = [operator.name ?? '—'];
  if (operator.inn) parts.push(`INN ${operator.inn}`);
  if (operator.ogrn) parts.push(`OGRN ${operator.ogrn}`);
  return parts.join(' · ');
}

/**
 * Show one receipt with every field, its documents (with a digest check
 * button), the subject's history linked by previousReceiptId, and the
 * certificate controls.
 *
 * @example
 * renderReceipt(section, { view, history, onOpen, onCheck, onCertificate });
 */
export function renderReceipt(section, { view, history, onOpen, onCheck, onCertificate }) {
  const receipt = view.receipt;
  const operator = receipt.operator;
  const previous = receipt.previousReceiptId
    ? element(
        'button',
        { type: 'button', class: 'link', onclick: () => onOpen(receipt.previousReceiptId) },
        receipt.previousReceiptId,
      )
    : null;
  const categories = Object.entries(receipt.categories).map(([category, granted]) =>
    element('li', {}, `${category}: ${granted ? 'granted' : 'refused'}`),
  );
  const language = element(
    'select',
    { id: 'certificate-language' },
    element('option', { value: 'ru' }, 'Русский'),
    element('option', { value: 'en' }, 'English'),
  );
  section.replaceChildren(
    element('h2', { id: 'receipt-title', tabindex: -1 }, `Receipt ${receipt.receiptId}`),
    facts([
      ['Receipt id', element('code', {}, receipt.receiptId)],
      ['Subject id', element('code', {}, receipt.subjectId)],
      ['Event', receipt.event],
      ['Method', receipt.method],
      ['Global Privacy Control', receipt.gpc === undefined ? null : String(receipt.gpc)],
      ['Decision time (browser)', formatTime(new Date(receipt.timestamp * 1000).toISOString())],
      ['Received (server)', formatTime(view.receivedAt)],
      ['Categories', element('ul', { class: 'plain' }, categories)],
      ['Operator', operatorLine(operator)],
      ['Operator address', operator.address],
      ['Operator e-mail', operator.email],
      ['Page', receipt.page],
      ['Language', receipt.language],
      ['SDK', receipt.sdk],
      ['Previous receipt', previous],
      ['IP (as stored)', view.ip],
      ['User agent', view.userAgent],
      ['Chain position', `#${view.id}`],
      ['Previous hash', element('code', { class: 'hash' }, view.prevHash)],
      ['Hash', element('code', { class: 'hash' }, view.hash)],
      ['Receipt schema', String(receipt.schema)],
    ]),
    documentsTable(receipt),
    element(
      'button',
      { type: 'button', id: 'check-documents', onclick: onCheck },
      'Check digests against the published documents',
    ),
    element('h3', {}, "Subject's history"),
    historyList(view, history, onOpen),
    element(
      'div',
      { class: 'certificate-controls' },
      element('label', { for: 'certificate-language' }, 'Certificate language'),
      language,
      element(
        'button',
        { type: 'button', id: 'print-certificate', onclick: () => onCertificate(language.value) },
        'Print certificate',
      ),
    ),
  );
}

/** Write the documents endpoint's answer into the table's last column. */
export function showChecks(section, answer) {
  answer.documents.forEach((document, index) => {
    const cell = section.querySelector(`[data-check="${index}"]`);
    if (cell) {
      cell.textContent = checkText(document.check);
      cell.dataset.status = document.check.status;
    }
  });
}
