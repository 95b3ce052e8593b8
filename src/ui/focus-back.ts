/**
 * Puts focus back where it was before a dialog opened. If that control has been drawn again in the
 * meantime (the banner's «Настроить», the floating button), focus goes to its namesake in what is shown
 * now, else to the first control there, rather than to the start of the page.
 */
export function focusBack(previous: HTMLElement | null, shown: ParentNode): void {
  if (!previous) return;
  if (previous.isConnected) {
    previous.focus();
    return;
  }
  const buttons = Array.from(shown.querySelectorAll('button'));
  const namesake = buttons.find((button) => button.textContent === previous.textContent) ?? buttons[0];
  if (namesake) namesake.focus();
}
