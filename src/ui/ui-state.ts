import type { Lang } from '../config/config-types';
import type { Consent, OpenView } from '../store/consent-types';
import type { Texts } from './texts-ru';

/** What the interface remembers between repaints of a layer. */
export interface UiState {
  view: OpenView | null;
  /** What a document viewer returns to when closed. */
  under: OpenView | null;
  /** Boxes ticked in the banner (checkbox mode); kept so a repaint never unticks them. */
  ticked: Record<string, boolean>;
  /** Switches in the preferences, as the visitor set them. */
  values: Record<string, boolean>;
}

/** What every component gets. */
export interface UiProps {
  consent: Consent;
  t: Texts;
  lang: Lang;
  s: UiState;
  show: (view: OpenView | null) => void;
  /** The text of a document: inline, or fetched once per page view. */
  load: (kind: 'policy' | 'consent') => Promise<string>;
}
