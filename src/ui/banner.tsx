import { h } from 'preact';
import { DocLinks } from './doc-links';
import { DialogHead, Modal } from './modal';
import { categoryLabel } from './texts-for';
import type { UiProps } from './ui-state';

/**
 * The first question. `checkbox` mode: unticked boxes, «Принять» grants exactly what is ticked.
 * `buttons` mode: accept all, reject all and settings. Refusing looks the same as accepting in both
 * modes. Closing decides nothing.
 */
export function Banner(props: UiProps) {
  const { consent, texts, lang, show, state, repaint } = props;
  const { config } = consent;
  const checkbox = config.mode === 'checkbox';
  const modal = config.position === 'modal';
  const optional = config.categories.slice(1);

  const acceptTicked = (event: Event) => {
    const ids = optional.filter((category) => state.ticked[category.id]).map((category) => category.id);
    if (ids.length) {
      consent.accept(ids, { method: 'checkbox' });
      return;
    }
    // Said anew on every such click: an alert whose text does not change is not read again.
    state.hints++;
    state.hint = '';
    repaint();
    requestAnimationFrame(() => {
      state.hint = texts.tickFirst;
      repaint();
    });
    // On a small screen the boxes may have scrolled away behind the buttons: brought back in sight.
    const firstBox = (event.target as HTMLElement).closest('.sg')?.querySelector('.cat');
    if (firstBox) firstBox.scrollIntoView({ block: 'center' });
  };
  const decline = () => consent.decline({ method: 'button' });
  const close = () => show(null);
  const tick = (id: string) => (event: Event) => {
    state.ticked[id] = (event.target as HTMLInputElement).checked;
    state.hints = 0;
    repaint();
  };

  const buttons = checkbox
    ? [<button onClick={acceptTicked}>{texts.accept}</button>, <button onClick={decline}>{texts.decline}</button>]
    : [
        <button onClick={() => consent.accept(undefined, { method: 'button' })}>{texts.acceptAll}</button>,
        <button onClick={decline}>{texts.declineAll}</button>,
        <button class="alt" onClick={() => show('preferences')}>
          {texts.settings}
        </button>,
      ];
  const body = [
    <p>{checkbox ? texts.text : texts.textButtons}</p>,
    <DocLinks {...props} />,
    checkbox
      ? optional.map((category) => (
          <label class="cat">
            <input type="checkbox" checked={Boolean(state.ticked[category.id])} onChange={tick(category.id)} />
            <span>{categoryLabel(category, lang, texts)}</span>
          </label>
        ))
      : null,
    // The buttons stay in sight at the bottom of a bar taller than a small screen, and the hint with them.
    <div class="row">
      <p class="alert" role="alert" hidden={!state.hints}>
        {state.hint}
      </p>
      {buttons}
    </div>,
  ];
  const head = <DialogHead title={texts.title} closeLabel={texts.close} onClose={close} flat={!modal} />;

  if (modal) {
    return (
      <Modal label={texts.region} onClose={close}>
        {head}
        <div class="bd" style={{ paddingBottom: 0 }}>
          {body}
        </div>
      </Modal>
    );
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
  };
  return (
    <section class={`sg ${config.position}`} role="region" aria-label={texts.region} onKeyDown={onKeyDown}>
      {head}
      {body}
    </section>
  );
}
