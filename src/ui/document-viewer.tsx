import { useEffect, useState } from 'preact/hooks';
import type { DocumentConfig } from '../config/config-types';
import { Modal } from './modal';
import { parsePlainText, type Block, type Inline } from './parse-plain-text';
import type { Texts } from './texts-ru';

interface ViewerProps {
  title: string;
  doc: DocumentConfig;
  t: Texts;
  onClose: () => void;
}

/** The same fetch serves every opening of a document during a page view. */
const loaded = new Map<string, Promise<string>>();

function load(url: string): Promise<string> {
  let text = loaded.get(url);
  if (!text) {
    text = fetch(url, { credentials: 'same-origin' }).then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))));
    text.catch(() => loaded.delete(url));
    loaded.set(url, text);
  }
  return text;
}

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
 * Shows the policy or the consent document in a modal, fetched when first opened and rendered from
 * plain text as text nodes only: HTML in the document is shown, never parsed.
 */
export function DocumentViewer({ title, doc, t, onClose }: ViewerProps) {
  const [text, setText] = useState<string | undefined>(doc.text);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (doc.text === undefined && doc.url) load(doc.url).then(setText, () => setFailed(true));
  }, [doc]);
  return (
    <Modal label={title} onClose={onClose}>
      <div class="hd">
        <h2>{title}</h2>
        <button class="x" aria-label={t.close} onClick={onClose}>
          ×
        </button>
      </div>
      <div class="bd doc" tabIndex={0} aria-busy={text === undefined && !failed}>
        {failed ? (
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
