import { Banner } from './banner';
import { DocumentViewer } from './document-viewer';
import { PreferencesDialog } from './preferences-dialog';
import type { UiProps } from './ui-state';

/** Renders what the state says: the banner until a decision, dialogs on request. */
export function App(props: UiProps) {
  const { consent, t, s } = props;
  const doc = s.view === 'policy' || s.view === 'consent' ? s.view : null;
  const behind = doc ? s.under : s.view;
  return (
    <>
      {behind === 'banner' && !consent.get().decided && <Banner {...props} />}
      {behind === 'preferences' && <PreferencesDialog {...props} />}
      {doc && <DocumentViewer {...props} kind={doc} />}
      {consent.config.floatingButton && !s.view && (
        <button class="fab" aria-label={t.prefs} title={t.prefs} onClick={() => props.show('preferences')}>
          ⚙
        </button>
      )}
    </>
  );
}
