import { certificateTexts } from './certificate-texts.js';
import { element, facts, formatTime } from './element.js';

function decisionText(texts, category, granted) {
  if (category === 'necessary') return texts.necessary;
  return granted ? texts.granted : texts.refused;
}

/**
 * Fill the certificate section with one receipt, in Russian or English:
 * operator, subject pseudonym, decision per purpose, times, document
 * digests, chain position and head. Printing shows only this section, on
 * one A4 page (see console.css).
 *
 * @example
 * renderCertificate(document.getElementById('certificate'), { view, chain, language: 'ru' });
 */
export function renderCertificate(container, { view, chain, language }) {
  const texts = certificateTexts[language];
  const receipt = view.receipt;
  const operator = receipt.operator;
  const rows = Object.entries(receipt.categories).map(([category, granted]) =>
    element(
      'tr',
      {},
      element('th', { scope: 'row' }, category),
      element('td', {}, decisionText(texts, category, granted)),
    ),
  );
  const documents = receipt.documents.map((document) =>
    element(
      'li',
      {},
      element('strong', {}, texts.kind[document.kind]),
      `, ${texts.version} ${document.version}: `,
      document.url || texts.inline,
      element('br'),
      'SHA-256: ',
      element('code', {}, document.sha256 ?? texts.noDigest),
    ),
  );
  let verified = texts.notVerified;
  if (chain.lastVerify) {
    verified = chain.lastVerify.report.ok ? texts.verifiedOk(chain.lastVerify) : texts.verifiedBroken(chain.lastVerify);
  }
  const chainFacts = [
    [texts.position, `#${view.id}`],
    [texts.rowHash, element('code', {}, view.hash)],
    [texts.previousHash, element('code', {}, view.prevHash)],
    [texts.head, [texts.headValue(chain.head), element('br'), element('code', {}, chain.head.lastHash)]],
    [texts.verified, verified],
  ];
  if (chain.signedHead) chainFacts.push([texts.signedHead, element('code', {}, JSON.stringify(chain.signedHead))]);
  container.replaceChildren(
    element(
      'article',
      { lang: language, class: 'certificate-page' },
      element('h2', {}, texts.title),
      element('p', {}, texts.intro),
      facts([
        [texts.operator, operator.name],
        [texts.inn, operator.inn],
        [texts.ogrn, operator.ogrn],
        [texts.address, operator.address],
        [texts.email, operator.email],
        [texts.subject, element('code', {}, receipt.subjectId)],
        [texts.receipt, element('code', {}, receipt.receiptId)],
        [texts.event, texts.events[receipt.event]],
        [texts.method, texts.methods[receipt.method]],
        [texts.clientTime, formatTime(new Date(receipt.timestamp * 1000).toISOString())],
        [texts.serverTime, formatTime(view.receivedAt)],
        [texts.page, receipt.page],
        [texts.previous, receipt.previousReceiptId ? element('code', {}, receipt.previousReceiptId) : null],
      ]),
      element('h3', {}, texts.decisions),
      element(
        'table',
        {},
        element(
          'thead',
          {},
          element(
            'tr',
            {},
            element('th', { scope: 'col' }, texts.purpose),
            element('th', { scope: 'col' }, texts.decision),
          ),
        ),
        element('tbody', {}, rows),
      ),
      element('h3', {}, texts.documents),
      element('ul', { class: 'documents' }, documents),
      element('h3', {}, texts.chain),
      facts(chainFacts),
      element('p', { class: 'issued' }, `${texts.issued}: ${formatTime(new Date().toISOString())}`),
    ),
  );
}
