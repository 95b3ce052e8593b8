export { mountUI, type MountOptions } from './ui/mount-ui';
export { parsePlainText, linkify, type Block, type Inline } from './ui/parse-plain-text';
export type { Texts } from './ui/texts-ru';
