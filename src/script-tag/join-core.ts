import type { PartScript } from './parts';

/**
 * Called by a part's file at its top level: hands what it brings to the core that loaded it. A part file
 * included by hand (not by the core) does nothing.
 *
 * @example
 * joinCore({ mount: (lang) => mountUI({ lang }) });
 */
export function joinCore(part: unknown): void {
  const script = document.currentScript as PartScript | null;
  if (script && script.soglasieJoin) script.soglasieJoin(part);
}
