import { Modal } from './modal';
import { parsePlainText, type Block, type Inline } from './parse-plain-text';
import type { UiProps } from './ui-state';

const inline = (part: Inline) =>
  typeof part === 'string' ? part : (
    <a href={part.href} target="_blank" rel="noopener noreferrer">
      {part.text}
    </a>
  );

function render(blocks: Block[]) {
  const out = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'li') {
      const items = [];
      while (blocks[i]?.kind === 'li') items.push(<li>{blocks[i++].parts.map(inline)}</li>);
      i--;
      out.push(<ul>{items}</ul>);
    } else out.push(b.kind === 'h' ? <h3>{b.parts.map(inline)}</h3> : <p>{b.parts.map(inline)}</p>);
  }
  return out;
}

/**
 * Shows the policy or the consent document in a modal, rendered from plain text as text nodes only:
 * HTML in the document is shown, never parsed. mountUI loads the text when the viewer first opens.
 */
export function DocumentViewer({ consent, t, s, show, kind }: UiProps & { kind: 'policy' | 'consent' }) {
  const doc = consent.config[kind];
  const text = doc.text ?? s.docs[kind];
  const title = t[kind];
  const close = () => show(s.under);
  return (
    <Modal label={title} onClose={close}>
      <div class="hd">
        <h2>{title}</h2>
        <button class="x" aria-label={t.close} onClick={close}>
          ×
        </button>
      </div>
      <div class="bd doc" tabIndex={0} aria-busy={text === undefined}>
        {text === false ? (
          <p role="alert">
            {t.loadError}{' '}
            <a href={doc.url} target="_blank" rel="noopener noreferrer">
              {t.openDirect}
            </a>
          </p>
        ) : text === undefined ? (
          <p>{t.loading}</p>
        ) : (
          render(parsePlainText(text))
        )}
      </div>
    </Modal>
  );
}
