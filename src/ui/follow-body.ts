/**
 * Pages that swap `<body>` (Turbo) or its content (pjax, morphing) take our host element with it.
 * Watches `<html>` and the current `<body>` and calls `check` on every such change (and once at once),
 * so that the host can follow. Returns the function that stops watching.
 */
export function followBody(check: (body: HTMLElement) => void): () => void {
  let watched: HTMLElement | undefined;
  const observer = new MutationObserver(() => run());
  const run = () => {
    const body = document.body;
    if (!body) return;
    if (body !== watched) {
      watched = body;
      observer.observe(body, { childList: true });
    }
    check(body);
  };
  observer.observe(document.documentElement, { childList: true });
  run();
  return () => observer.disconnect();
}
