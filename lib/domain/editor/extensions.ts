import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import Italic from '@tiptap/extension-italic';
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { CommentMark } from './comment-mark';
import { ProfileLink } from './link-mark';
import { SuggestedDeletion, SuggestedInsertion, SuggestedModification } from './suggestion-marks';

/**
 * The one list of what a profile text may contain: paragraphs, bullet and
 * numbered lists, bold, italic and links, plus the marks anchoring comment
 * threads and those of suggested insertions and deletions. The editor is built from it, and the
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
  ProfileLink,
  CommentMark,
  SuggestedInsertion,
  SuggestedDeletion,
  SuggestedModification,
];

export const allowedNodeTypes = ['doc', 'paragraph', 'text', 'bulletList', 'orderedList', 'listItem'] as const;
/** `modification` (suggested formatting) is in the schema for the suggestion library, never in a document. */
export const allowedMarkTypes = ['bold', 'italic', 'link', 'comment', 'insertion', 'deletion'] as const;
