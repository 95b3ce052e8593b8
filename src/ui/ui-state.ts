import type { Lang } from '../config/config-types';
import type { Consent, OpenView } from '../store/consent-types';
import type { Texts } from './texts-ru';

/** A document the viewer shows. */
export type DocKind = 'policy' | 'consent';

/** What the interface shows and remembers while it is mounted. */
export interface UiState {
  /** What is shown: a document is shown over `under`. */
  view: OpenView | null;
  /** What a document viewer returns to when closed. */
  under: OpenView | null;
  /** Boxes ticked in the banner (checkbox mode); kept while the visitor looks at a document. */
  ticked: Record<string, boolean>;
  /** Switches in the preferences, as the visitor set them. */
  values: Record<string, boolean>;
  /** How many times «Принять» was pressed with nothing ticked: the hint is said anew each time. */
  hints: number;
  /** The hint's text: emptied, then said again, on each such press. */
  hint: string;
}

/** What every component gets. */
export interface UiProps {
  consent: Consent;
  texts: Texts;
  lang: Lang;
  state: UiState;
  /** Shows a view (null: only the floating button, if any). */
  show: (view: OpenView | null) => void;
  /** Draws the interface again after `state` changed. */
  repaint: () => void;
  /** The text of a document: inline, or fetched once per page view. */
  load: (kind: DocKind) => Promise<string>;
}

export const isDoc = (view: OpenView | null): view is DocKind => view === 'policy' || view === 'consent';
