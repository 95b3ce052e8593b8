import { canGrant } from '../store/can-grant';
import { DocLinks } from './doc-links';
import { h } from './h';
import { Modal } from './modal';
import { categoryLabel, categoryText, fill, localize } from './texts-for';
import type { UiProps } from './ui-state';

/**
 * Per-category switches (as stored, never pre-ticked), the services and processors behind each,
 * the last decision with its receipt, «Сохранить» and a withdraw action.
 */
export function PreferencesDialog(props: UiProps) {
  const { consent, t, lang, show, s } = props;
  const { config } = consent;
  const now = consent.get();
  const close = () => show(null);
  const { operator } = config;
  return (
    <Modal label={t.prefs} onClose={close}>
      <div class="hd">
        <h2>{t.prefs}</h2>
        <button class="x" aria-label={t.close} onClick={close}>
          ×
        </button>
      </div>
      <div class="bd">
        {now.gpc && <p class="muted">{t.gpc}</p>}
        <DocLinks {...props} />
        {config.categories.map((c) => {
          const fixed = c.id === 'necessary';
          // What a decision cannot grant (marketing under Global Privacy Control) cannot be switched on.
          const off = !fixed && !canGrant(config.optional, c.id, now.gpc);
          return (
            <div>
              <label class="cat">
                <input
                  type="checkbox"
                  role="switch"
                  checked={fixed || (!off && !!s.values[c.id])}
                  disabled={fixed || off}
                  // Named by the category alone; its description is read as a description.
                  aria-labelledby={`n-${c.id}`}
                  aria-describedby={`${fixed ? 'a-necessary ' : ''}d-${c.id}`}
                  onChange={(e: Event) => (s.values[c.id] = (e.target as HTMLInputElement).checked)}
                />
                <span>
                  <strong id={`n-${c.id}`}>{categoryLabel(c, lang, t)}</strong>
                  {fixed && (
                    <span class="muted" id="a-necessary">
                      {' '}
                      — {t.alwaysOn}
                    </span>
                  )}
                  <br />
                  <span class="muted" id={`d-${c.id}`}>
                    {categoryText(c, lang, t)}
                  </span>
                </span>
              </label>
              {!!c.services?.length && (
                <ul class="muted">
                  {c.services.map((sv) => {
                    const name = localize(sv.name, lang);
                    // A service whose name the configuration check dropped is not listed as "undefined".
                    return (
                      name && (
                        <li>{sv.processor ? `${name} — ${t.processor}: ${localize(sv.processor, lang)}` : name}</li>
                      )
                    );
                  })}
                </ul>
              )}
            </div>
          );
        })}
        <p class="muted">
          {now.decided
            ? `${fill(t.decidedOn, { date: new Date(now.time! * 1000).toLocaleString(lang) })}. ${fill(t.receipt, { id: now.receiptId })}.${now.event === 'withdraw' ? ` ${t.withdrawn}` : ''}`
            : t.undecided}
        </p>
        {operator.name && (
          <p class="muted">
            {fill(t.operator, {
              name: [
                operator.name,
                operator.inn && `${lang === 'en' ? 'INN' : 'ИНН'} ${operator.inn}`,
                operator.ogrn && `${lang === 'en' ? 'OGRN' : 'ОГРН'} ${operator.ogrn}`,
                operator.address,
              ]
                .filter(Boolean)
                .join(', '),
            })}
          </p>
        )}
        {operator.email && <p class="muted">{fill(t.withdrawBy, { email: operator.email })}</p>}
      </div>
      <div class="ft row" style={{ marginTop: '0' }}>
        <button onClick={() => consent.set({ ...s.values }, { method: 'checkbox' })}>{t.save}</button>
        {config.optional.some((id) => now.categories[id]) && (
          <button class="alt" onClick={() => consent.withdraw({ method: 'button' })}>
            {t.withdraw}
          </button>
        )}
      </div>
    </Modal>
  );
}
