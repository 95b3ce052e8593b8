import { DocLinks } from './doc-links';
import { Fragment, h } from './h';
import { Modal } from './modal';
import { categoryLabel } from './texts-for';
import type { UiProps } from './ui-state';

/**
 * The first question. `checkbox` mode: unticked boxes, «Принять» grants exactly what is ticked.
 * `buttons` mode: accept all, reject all and settings. Refusing looks the same as accepting in both
 * modes. Closing decides nothing.
 */
export function Banner(props: UiProps) {
  const { consent, t, lang, show, s } = props;
  const { config } = consent;
  const checkbox = config.mode === 'checkbox';
  const optional = config.categories.slice(1);
  const hint = (
    <p class="alert" role="alert" hidden>
      {t.tickFirst}
    </p>
  ) as HTMLElement;
  const accept = () => {
    const ids = optional.filter((c) => s.ticked[c.id]).map((c) => c.id);
    if (!ids.length) {
      // Said anew on every such click: an alert whose text does not change is not read again.
      hint.hidden = false;
      hint.textContent = '';
      // On a small screen the boxes may have scrolled away behind the buttons: brought back in sight.
      hint.closest('.sg')?.querySelector('.cat')?.scrollIntoView({ block: 'center' });
      return void requestAnimationFrame(() => (hint.textContent = t.tickFirst));
    }
    consent.accept(ids, { method: 'checkbox' });
  };
  const decline = () => consent.decline({ method: 'button' });

  const modal = config.position === 'modal';
  // In the modal the head stays above the scrolling body, × in sight; in the bar it scrolls with it.
  const head = (
    <div class="hd" style={modal ? {} : { padding: 0, border: 0 }}>
      <h2>{t.title}</h2>
      <button class="x" aria-label={t.close} onClick={() => show(null)}>
        ×
      </button>
    </div>
  );
  const body = (
    <>
      <p>{checkbox ? t.text : t.textButtons}</p>
      <DocLinks {...props} />
      {checkbox &&
        optional.map((c) => (
          <label class="cat">
            <input
              type="checkbox"
              checked={!!s.ticked[c.id]}
              onChange={(e: Event) => {
                hint.hidden = true;
                s.ticked[c.id] = (e.target as HTMLInputElement).checked;
              }}
            />
            <span>{categoryLabel(c, lang, t)}</span>
          </label>
        ))}
      {/* The buttons stay in sight at the bottom of a bar taller than a small screen, and the hint with them. */}
      <div class="row">
        {hint}
        {checkbox ? (
          <>
            <button onClick={accept}>{t.accept}</button>
            <button onClick={decline}>{t.decline}</button>
          </>
        ) : (
          <>
            <button onClick={() => consent.accept(undefined, { method: 'button' })}>{t.acceptAll}</button>
            <button onClick={decline}>{t.declineAll}</button>
            <button class="alt" onClick={() => show('preferences')}>
              {t.settings}
            </button>
          </>
        )}
      </div>
    </>
  );

  return modal ? (
    <Modal label={t.region} onClose={() => show(null)}>
      {head}
      <div class="bd" style={{ paddingBottom: 0 }}>
        {body}
      </div>
    </Modal>
  ) : (
    <section
      class={`sg ${config.position}`}
      role="region"
      aria-label={t.region}
      onKeyDown={(e: KeyboardEvent) => e.key === 'Escape' && show(null)}
    >
      {head}
      {body}
    </section>
  );
}
