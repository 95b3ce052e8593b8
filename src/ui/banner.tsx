import { h } from 'preact';
import { DocLinks } from './doc-links';
import { DialogHead, Modal } from './modal';
import { shownCategories } from './shown-categories';
import { categoryLabel } from './texts-for';
import type { UiProps } from './ui-state';

/**
 * The first question. `checkbox` mode: unticked boxes, «Принять выбранное» grants exactly what is
 * ticked (nothing ticked: only the necessary cookies, said beside the button before it is pressed).
 * `buttons` mode: accept all and reject all, equally prominent, and a link-like «Настроить» beside them. Closing
 * decides nothing.
 */
export function Banner(props: UiProps) {
  const { consent, texts, lang, show, state, repaint } = props;
  const { config } = consent;
  const checkbox = config.mode === 'checkbox';
  const modal = config.position === 'modal';
  const categories = shownCategories(consent);
  const ticked = categories.filter((category) => state.ticked[category.id]).map((category) => category.id);

  const acceptTicked = () => consent.accept(ticked, { method: 'checkbox' });
  const acceptAll = () =>
    consent.accept(
      categories.map((category) => category.id),
      { method: 'button' },
    );
  const decline = () => consent.decline({ method: 'button' });
  const close = () => show(null);
  const tick = (id: string) => (event: Event) => {
    state.ticked[id] = (event.target as HTMLInputElement).checked;
    repaint();
  };

  let buttons;
  if (checkbox) {
    buttons = [
      <button onClick={acceptTicked} aria-describedby={ticked.length ? undefined : 'sg-nothing'}>
        {texts.accept}
      </button>,
      <button onClick={decline}>{texts.decline}</button>,
    ];
  } else {
    buttons = [
      <button onClick={acceptAll}>{texts.acceptAll}</button>,
      <button onClick={decline}>{texts.declineAll}</button>,
    ];
  }
  const settings = checkbox ? null : (
    <button class="link" onClick={() => show('preferences')}>
      {texts.settings}
    </button>
  );
  const body = [
    <p class="text">{checkbox ? texts.text : texts.textButtons}</p>,
    <DocLinks {...props} />,
    checkbox
      ? categories.map((category) => (
          <label class="cat">
            <input type="checkbox" checked={Boolean(state.ticked[category.id])} onChange={tick(category.id)} />
            <span>{categoryLabel(category, lang, texts)}</span>
          </label>
        ))
      : null,
    // The buttons stay in sight at the bottom of a bar taller than a small screen, and the hint with them.
    <div class="row">
      {checkbox && !ticked.length ? (
        <p class="hint" id="sg-nothing">
          {texts.nothingTicked}
        </p>
      ) : null}
      {buttons}
      {settings}
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
