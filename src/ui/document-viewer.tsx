import { h } from './h';
import { Modal } from './modal';
import { parsePlainText, type Block, type Inline } from './parse-plain-text';
import type { UiProps } from './ui-state';

const inline = (part: Inline) =>
  typeof part === 'string' ? (
    part
  ) : (
    <a href={part.href} target="_blank" rel="noopener noreferrer">
      {part.text}
    </a>
  );

function render(blocks: Block[]): Node[] {
  const out: Node[] = [];
  let list: Node | undefined;
  for (const b of blocks) {
    const parts = b.parts.map(inline);
    if (b.kind === 'li') (list ??= out[out.push(<ul />) - 1]).appendChild(<li>{parts}</li>);
    else {
      list = undefined;
      out.push(b.kind === 'h' ? <h3>{parts}</h3> : <p>{parts}</p>);
    }
  }
  return out;
}

/**
 * Shows the policy or the consent document in a modal, rendered from plain text as text nodes only:
 * HTML in the document is shown, never parsed. The text is fetched when the viewer first opens.
 */
export function DocumentViewer({ consent, t, s, show, load, kind }: UiProps & { kind: 'policy' | 'consent' }) {
  const doc = consent.config[kind];
  const title = t[kind];
  const close = () => show(s.under);
  const body = (
    <div class="bd doc" tabIndex={0} aria-busy="true">
      <p>{t.loading}</p>
    </div>
  ) as HTMLElement;
  load(kind)
    .then(
      (text) => body.replaceChildren(...render(parsePlainText(text))),
      () =>
        body.replaceChildren(
          <p role="alert">
            {t.loadError}{' '}
            <a href={doc.url} target="_blank" rel="noopener noreferrer">
              {t.openDirect}
            </a>
          </p>,
        ),
    )
    .finally(() => body.removeAttribute('aria-busy'));
  return (
    <Modal label={title} onClose={close}>
      <div class="hd">
        <h2>{title}</h2>
        <button class="x" aria-label={t.close} onClick={close}>
          ×
        </button>
      </div>
      {body}
    </Modal>
  );
}
