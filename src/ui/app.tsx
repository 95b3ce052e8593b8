import type { Lang } from '../config/config-types';
import type { Consent, OpenView } from '../store/consent-types';
import { Banner } from './banner';
import { DocumentViewer } from './document-viewer';
import { PreferencesDialog } from './preferences-dialog';
import type { Texts } from './texts-ru';

/** What shows: a view, and the view a document viewer returns to when closed. */
export interface Shown {
  view: OpenView | null;
  under: OpenView | null;
}

interface AppProps {
  consent: Consent;
  t: Texts;
  lang: Lang;
  shown: Shown;
  show: (view: OpenView | null) => void;
}

/** Renders what `shown` says; all state lives in mountUI so no request to show anything is missed. */
export function App({ consent, t, lang, shown: { view, under }, show }: AppProps) {
  const { config } = consent;
  const props = { consent, t, lang, show };
  const doc = view === 'policy' || view === 'consent' ? view : null;
  const behind = doc ? under : view;
  return (
    <>
      {behind === 'banner' && !consent.get().decided && <Banner {...props} />}
      {behind === 'preferences' && <PreferencesDialog {...props} />}
      {doc && <DocumentViewer title={t[doc]} doc={config[doc]} t={t} onClose={() => show(under)} />}
      {config.floatingButton && !view && (
        <button class="fab" aria-label={t.prefs} title={t.prefs} onClick={() => show('preferences')}>
          ⚙
        </button>
      )}
    </>
  );
}
