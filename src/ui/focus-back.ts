/**
 * Puts focus back where it was before a dialog opened. If that control has been drawn again in the
 * meantime (the banner's «Настроить», the floating button), focus goes to its namesake in what is shown
 * now, else to the first control there. Says whether it found somewhere to put it.
 */
export function focusBack(previous: HTMLElement | null, shown: ParentNode): boolean {
  if (!previous) return false;
  if (previous.isConnected) {
    previous.focus();
    return true;
  }
  const buttons = Array.from(shown.querySelectorAll('button'));
  const namesake = buttons.find((button) => button.textContent === previous.textContent) ?? buttons[0];
  if (!namesake) return false;
  namesake.focus();
  return true;
}
