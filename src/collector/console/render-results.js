import { element, formatTime } from './element.js';

/**
 * The results table: time, event, categories granted, page, receipt id
 * (a button opening the receipt). Newest first, as the API was asked.
 *
 * @example
 * renderResults(container, items, (receiptId) => openReceipt(receiptId));
 */
export function renderResults(container, items, onOpen) {
  if (items.length === 0) {
    container.replaceChildren(element('p', {}, 'No receipts match.'));
    return;
  }
  const rows = items.map((item) => {
    const granted = Object.keys(item.receipt.categories).filter((category) => item.receipt.categories[category]);
    return element(
      'tr',
      {},
      element('td', {}, formatTime(item.receivedAt)),
      element('td', {}, item.receipt.event),
      element('td', {}, granted.join(', ')),
      element('td', { class: 'url' }, item.receipt.page),
      element(
        'td',
        {},
        element(
          'button',
          {
            type: 'button',
            class: 'link',
            onclick: () => onOpen(item.receiptId),
            'aria-label': `Open receipt ${item.receiptId}`,
          },
          element('code', {}, item.receiptId),
        ),
      ),
    );
  });
  container.replaceChildren(
    element(
      'table',
      {},
      element('caption', { class: 'visually-hidden' }, 'Receipts, newest first'),
      element(
        'thead',
        {},
        element(
          'tr',
          {},
          ['Received', 'Event', 'Granted', 'Page', 'Receipt id'].map((name) => element('th', { scope: 'col' }, name)),
        ),
      ),
      element('tbody', {}, rows),
    ),
  );
}
