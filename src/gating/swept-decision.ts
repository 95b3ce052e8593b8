const keyOf = (prefix: string) => `${prefix}.swept`;

/**
 * The decision whose refused categories were last swept. A refused tracker cannot run, so it sets
 * nothing new: one sweep per decision clears what it left, and later pages need not load the code that
 * sweeps. (A withdrawal sweeps on its own, at once.)
 *
 * @example
 * if (sweptDecision('soglasie') !== consent.get().receiptId) sweep();
 */
export function sweptDecision(prefix: string): string | null {
  try {
    return localStorage.getItem(keyOf(prefix));
  } catch {
    return null;
  }
}

/** Records that this decision's refused categories have been swept. */
export function markSwept(prefix: string, receiptId: string | undefined): void {
  if (!receiptId) return;
  try {
    localStorage.setItem(keyOf(prefix), receiptId);
  } catch {
    // Storage full or blocked: the next page sweeps again, which is harmless.
  }
}
