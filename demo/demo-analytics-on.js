// A site script gated by data-consent="analytics": it runs only after the visitor agrees.
const status = document.getElementById('analytics-status');
if (status) {
  status.textContent = 'Аналитика включена: счётчики загружены после вашего согласия.';
  status.className = 'status on';
}
