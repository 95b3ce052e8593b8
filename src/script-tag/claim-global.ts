import type { Consent } from '../store/consent-types';

/** Marks the instance the script tag made: a symbol key, which no element's name can fake. */
const MARK = Symbol.for('soglasie.instance');

/**
 * The instance an earlier copy of the tag made on this page, if any. Anything else at `window.Soglasie`
 * (an `<img name="Soglasie">` seen through the window's named properties, another script's object) is
 * not trusted: the console says what holds it, and this tag takes the name.
 */
export function existingInstance(): Consent | undefined {
  const held = (window as { Soglasie?: unknown }).Soglasie;
  if (!held) return undefined;
  if ((held as Record<symbol, unknown>)[MARK] === true) return held as Consent;
  const what = held instanceof Element ? `<${held.localName} name="Soglasie"> (an element's name)` : typeof held;
  console.warn(`soglasie: window.Soglasie was held by ${what}; the consent instance replaces it there`);
  return undefined;
}

/** Puts the instance at `window.Soglasie`, marked as the script tag's. */
export function claimGlobal(consent: Consent): Consent {
  Object.defineProperty(consent, MARK, { value: true });
  (window as { Soglasie?: Consent }).Soglasie = consent;
  return consent;
}
