import { h } from 'preact';
import type { CategoryConfig, Lang } from '../config/config-types';
import { canGrant } from '../store/can-grant';
import type { ConsentSnapshot } from '../store/consent-types';
import { DocLinks } from './doc-links';
import { DialogHead, Modal } from './modal';
import { categoryLabel, categoryText, fill, localize } from './texts-for';
import type { Texts } from './texts-ru';
import type { UiProps } from './ui-state';

/**
 * Per-category switches (as stored, never pre-ticked), the services and processors behind each,
 * the last decision with its receipt, «Сохранить» and a withdraw action.
 */
export function PreferencesDialog(props: UiProps) {
  const { consent, texts, lang, show, state } = props;
  const { config } = consent;
  const now = consent.get();
  const close = () => show(null);
  const { operator } = config;
  const save = () => consent.set({ ...state.values }, { method: 'checkbox' });
  const withdraw = () => consent.withdraw({ method: 'button' });
  const anyGranted = config.optional.some((id) => now.categories[id]);
  const operatorName = [
    operator.name,
    operator.inn ? `${lang === 'en' ? 'INN' : 'ИНН'} ${operator.inn}` : '',
    operator.ogrn ? `${lang === 'en' ? 'OGRN' : 'ОГРН'} ${operator.ogrn}` : '',
    operator.address,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <Modal label={texts.prefs} onClose={close}>
      <DialogHead title={texts.prefs} closeLabel={texts.close} onClose={close} />
      <div class="bd">
        {now.gpc ? <p class="muted">{texts.gpc}</p> : null}
        <DocLinks {...props} />
        {config.categories.map((category) => (
          <CategorySwitch {...props} category={category} now={now} />
        ))}
        <p class="muted">{decisionLine(now, texts, lang)}</p>
        {operator.name ? <p class="muted">{fill(texts.operator, { name: operatorName })}</p> : null}
        {operator.email ? <p class="muted">{fill(texts.withdrawBy, { email: operator.email })}</p> : null}
      </div>
      <div class="ft row" style={{ marginTop: '0' }}>
        <button onClick={save}>{texts.save}</button>
        {anyGranted ? (
          <button class="alt" onClick={withdraw}>
            {texts.withdraw}
          </button>
        ) : null}
      </div>
    </Modal>
  );
}

function CategorySwitch(props: UiProps & { category: CategoryConfig; now: ConsentSnapshot }) {
  const { consent, texts, lang, state, category, now } = props;
  const fixed = category.id === 'necessary';
  // What a decision cannot grant (marketing under Global Privacy Control) cannot be switched on.
  const blocked = !fixed && !canGrant(consent.config.optional, category.id, now.gpc);
  const change = (event: Event) => {
    state.values[category.id] = (event.target as HTMLInputElement).checked;
  };
  const services = (category.services ?? [])
    .map((service) => {
      const name = localize(service.name, lang);
      // A service whose name the configuration check dropped is not listed as "undefined".
      if (!name) return null;
      if (!service.processor) return name;
      return `${name} — ${texts.processor}: ${localize(service.processor, lang)}`;
    })
    .filter(Boolean);
  return (
    <div>
      <label class="cat">
        <input
          type="checkbox"
          role="switch"
          checked={fixed || (!blocked && Boolean(state.values[category.id]))}
          disabled={fixed || blocked}
          // Named by the category alone; its description is read as a description.
          aria-labelledby={`n-${category.id}`}
          aria-describedby={`${fixed ? 'a-necessary ' : ''}d-${category.id}`}
          onChange={change}
        />
        <span>
          <strong id={`n-${category.id}`}>{categoryLabel(category, lang, texts)}</strong>
          {fixed ? (
            <span class="muted" id="a-necessary">
              {' '}
              — {texts.alwaysOn}
            </span>
          ) : null}
          <br />
          <span class="muted" id={`d-${category.id}`}>
            {categoryText(category, lang, texts)}
          </span>
        </span>
      </label>
      {services.length ? (
        <ul class="muted">
          {services.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** «Решение от …. Квитанция …», or that nothing has been decided yet. */
function decisionLine(now: ConsentSnapshot, texts: Texts, lang: Lang): string {
  if (!now.decided) return texts.undecided;
  const date = new Date(now.time! * 1000).toLocaleString(lang);
  const withdrawn = now.event === 'withdraw' ? ` ${texts.withdrawn}` : '';
  return `${fill(texts.decidedOn, { date })}. ${fill(texts.receipt, { id: now.receiptId })}.${withdrawn}`;
}
