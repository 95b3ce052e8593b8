import { Modal } from './modal';
import { categoryLabel } from './texts-for';
import type { UiProps } from './ui-state';

/**
 * The first question. `checkbox` mode: unticked boxes, «Принять» grants exactly what is ticked.
 * `buttons` mode: accept all, reject all and settings, with the same weight. Closing decides nothing.
 */
export function Banner({ consent, t, lang, show, s: { ticked, hint }, set }: UiProps) {
  const { config } = consent;
  const checkbox = config.mode === 'checkbox';
  const optional = config.categories.slice(1);
  const docLink = (kind: 'policy' | 'consent') => {
    const doc = config[kind];
    return (
      (doc.url || doc.text) && (
        <a
          href={doc.url || '#'}
          onClick={(e) => {
            e.preventDefault();
            show(kind);
          }}
        >
          {t[kind]}
        </a>
      )
    );
  };

  const accept = () => {
    const ids = optional.filter((c) => ticked[c.id]).map((c) => c.id);
    if (!ids.length) return set({ hint: true });
    consent.accept(ids, { method: 'checkbox' });
  };

  const body = (
    <>
      <div class="hd" style={{ padding: 0, border: 0 }}>
        <h2 id="sg-title">{t.title}</h2>
        <button class="x" aria-label={t.close} onClick={() => show(null)}>
          ×
        </button>
      </div>
      <p>{checkbox ? t.text : t.textButtons}</p>
      <p>
        {docLink('policy')}
        {config.consent.url || config.consent.text ? ' · ' : ''}
        {docLink('consent')}
      </p>
      {checkbox &&
        optional.map((c) => (
          <label class="cat" key={c.id}>
            <input
              type="checkbox"
              name={c.id}
              checked={!!ticked[c.id]}
              onChange={(e) => set({ hint: false, ticked: { ...ticked, [c.id]: (e.target as HTMLInputElement).checked } })}
            />
            <span>{categoryLabel(c, lang, t)}</span>
          </label>
        ))}
      {hint && (
        <p class="alert" role="alert">
          {t.tickFirst}
        </p>
      )}
      <div class="row">
        {checkbox ? (
          <>
            <button onClick={accept}>{t.accept}</button>
            <button class="alt" onClick={() => consent.decline({ method: 'button' })}>
              {t.decline}
            </button>
          </>
        ) : (
          <>
            <button onClick={() => consent.accept(undefined, { method: 'button' })}>{t.acceptAll}</button>
            <button onClick={() => consent.decline({ method: 'button' })}>{t.declineAll}</button>
            <button class="alt" onClick={() => show('preferences')}>
              {t.settings}
            </button>
          </>
        )}
      </div>
    </>
  );

  return config.position === 'modal' ? (
    <Modal label={t.region} onClose={() => show(null)}>
      <div class="bd">{body}</div>
    </Modal>
  ) : (
    <section class={`sg ${config.position}`} role="region" aria-label={t.region} onKeyDown={(e) => e.key === 'Escape' && show(null)}>
      {body}
    </section>
  );
}
