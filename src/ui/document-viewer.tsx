import { Component, h } from 'preact';
import { DialogHead, Modal } from './modal';
import { parsePlainText, withoutTitle, type Block, type Inline } from './parse-plain-text';
import type { DocKind, UiProps } from './ui-state';

const inline = (part: Inline) => {
  if (typeof part === 'string') return part;
  return (
    <a href={part.href} target="_blank" rel="noopener noreferrer">
      {part.text}
    </a>
  );
};

/** Paragraphs, headings and lists; consecutive list items share one list. */
function renderBlocks(blocks: Block[]) {
  const out = [];
  let items: ReturnType<typeof h>[] | undefined;
  for (const block of blocks) {
    const parts = block.parts.map(inline);
    if (block.kind === 'li') {
      if (!items) {
        items = [];
        out.push(<ul>{items}</ul>);
      }
      items.push(<li>{parts}</li>);
    } else {
      items = undefined;
      out.push(block.kind === 'h' ? <h3>{parts}</h3> : <p>{parts}</p>);
    }
  }
  return out;
}

type ViewerProps = UiProps & { kind: DocKind };
interface ViewerState {
  text?: string;
  failed?: boolean;
}

/**
 * Shows the policy or the consent document in a modal, rendered from plain text as text nodes only:
 * HTML in the document is shown, never parsed. The text is fetched when the viewer first opens.
 */
export class DocumentViewer extends Component<ViewerProps, ViewerState> {
  override componentDidMount() {
    this.props.load(this.props.kind).then(
      (text) => this.setState({ text }),
      () => this.setState({ failed: true }),
    );
  }

  override render({ consent, texts, state, show, kind }: ViewerProps, { text, failed }: ViewerState) {
    const title = texts[kind];
    const close = () => show(state.under);
    let body;
    if (text !== undefined) body = renderBlocks(withoutTitle(parsePlainText(text), title));
    else if (failed) {
      body = (
        <p role="alert">
          {texts.loadError}{' '}
          <a href={consent.config[kind].url} target="_blank" rel="noopener noreferrer">
            {texts.openDirect}
          </a>
        </p>
      );
    } else body = <p>{texts.loading}</p>;
    return (
      <Modal label={title} onClose={close}>
        <DialogHead title={title} closeLabel={texts.close} onClose={close} />
        <div class="bd doc" tabIndex={0} aria-busy={text === undefined && !failed ? 'true' : undefined}>
          {body}
        </div>
      </Modal>
    );
  }
}
