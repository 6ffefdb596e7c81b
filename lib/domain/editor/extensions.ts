import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import Italic from '@tiptap/extension-italic';
import Link from '@tiptap/extension-link';
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { isAllowedHref } from './link-policy';

/**
 * The one list of what a profile text may contain: paragraphs, bullet and
 * numbered lists, bold, italic and links. The editor is built from it, and the
 * server rebuilds the same ProseMirror schema from it to check every document.
 */
export const contentExtensions = [
  Document,
  Paragraph,
  Text,
  BulletList,
  OrderedList,
  ListItem,
  Bold,
  Italic,
  Link.configure({
    openOnClick: false,
    autolink: true,
    linkOnPaste: true,
    defaultProtocol: 'https',
    protocols: [],
    isAllowedUri: (url) => isAllowedHref(url),
    shouldAutoLink: (url) => isAllowedHref(url) || isAllowedHref(`https://${url}`),
    HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null, class: null },
  }),
];

export const allowedNodeTypes = ['doc', 'paragraph', 'text', 'bulletList', 'orderedList', 'listItem'] as const;
export const allowedMarkTypes = ['bold', 'italic', 'link'] as const;
