import type { Lang } from '../config/config-types';
import type { Consent, OpenView } from '../store/consent-types';
import type { Texts } from './texts-ru';

/**
 * Everything the interface remembers, in one place outside preact: components are plain functions of
 * it (no hooks to ship), and a request to show something can never be missed by a late subscription.
 */
export interface UiState {
  view: OpenView | null;
  /** What a document viewer returns to when closed. */
  under: OpenView | null;
  /** Boxes ticked in the banner (checkbox mode). */
  ticked: Record<string, boolean>;
  /** «Принять» was pressed with nothing ticked. */
  hint: boolean;
  /** Switches in the preferences, as the visitor set them. */
  values: Record<string, boolean>;
  /** Loaded document texts; false when loading failed. */
  docs: Partial<Record<'policy' | 'consent', string | false>>;
}

/** What every component gets. */
export interface UiProps {
  consent: Consent;
  t: Texts;
  lang: Lang;
  s: UiState;
  set: (patch: Partial<UiState>) => void;
  show: (view: OpenView | null) => void;
}
