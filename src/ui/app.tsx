import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../config/config-types';
import type { Consent, OpenView } from '../store/consent-types';
import { Banner } from './banner';
import { DocumentViewer } from './document-viewer';
import { PreferencesDialog } from './preferences-dialog';
import type { Texts } from './texts-ru';

interface AppProps {
  consent: Consent;
  t: Texts;
  lang: Lang;
}

/** Which part shows: the banner until a decision, dialogs on request. */
export function App({ consent, t, lang }: AppProps) {
  const [view, setView] = useState<OpenView | null>(consent.get().decided ? null : 'banner');
  // A document opened from the banner returns to the banner when closed.
  const [under, setUnder] = useState<OpenView | null>(null);
  const show = (next: OpenView | null) => {
    if (next === 'policy' || next === 'consent') setUnder(view === 'policy' || view === 'consent' ? under : view);
    setView(next);
  };
  useEffect(() => {
    const offOpen = consent.on('open', ({ view: v }) => show(v));
    const offChange = consent.on('change', () => setView(null));
    return () => {
      offOpen();
      offChange();
    };
  });
  const { config } = consent;
  const props = { consent, t, lang, show };
  const doc = view === 'policy' || view === 'consent' ? view : null;
  return (
    <>
      {(view === 'banner' || (doc && under === 'banner')) && !consent.get().decided && <Banner {...props} />}
      {(view === 'preferences' || (doc && under === 'preferences')) && <PreferencesDialog {...props} />}
      {doc && <DocumentViewer title={t[doc]} doc={config[doc]} t={t} onClose={() => setView(under)} />}
      {config.floatingButton && !view && (
        <button class="fab" aria-label={t.prefs} title={t.prefs} onClick={() => show('preferences')}>
          ⚙
        </button>
      )}
    </>
  );
}
