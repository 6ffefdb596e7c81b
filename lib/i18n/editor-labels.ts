import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { EditorLabels } from '@/components/editor/labels';

/** The editor's labels in the reader's language; placeholders stay for the client to fill. */
export async function getEditorLabels(): Promise<EditorLabels> {
  const t = await getTranslations('editor');
  const keep = (name: string) => `{${name}}`;
  return {
    toolbar: t('toolbar'),
    bold: t('bold'),
    italic: t('italic'),
    bulletList: t('bulletList'),
    orderedList: t('orderedList'),
    link: t('link'),
    linkPrompt: t('linkPrompt'),
    linkInvalid: t('linkInvalid'),
    linkDialogTitle: t('linkDialogTitle'),
    linkAddress: t('linkAddress'),
    linkApply: t('linkApply'),
    linkRemove: t('linkRemove'),
    cancel: t('cancel'),
    indent: t('indent'),
    outdent: t('outdent'),
    undo: t('undo'),
    redo: t('redo'),
    history: t('history'),
    status: {
      idle: t('status.idle'),
      connecting: t('status.connecting'),
      saving: t('status.saving'),
      saved: t('status.saved'),
      offline: t('status.offline'),
      conflict: t('status.conflict'),
      error: t('status.error'),
    },
    alsoHere: t('alsoHere', { names: keep('names') }),
    readOnlyNow: t('readOnlyNow'),
    deniedNow: t('deniedNow'),
    deniedUnsaved: t('deniedUnsaved'),
    suggest: {
      mode: t('suggest.mode'),
      editing: t('suggest.editing'),
      suggesting: t('suggest.suggesting'),
      viewing: t('suggest.viewing'),
      suggestingHelp: t('suggest.suggestingHelp'),
      refused: { formatting: t('suggest.refused.formatting'), structure: t('suggest.refused.structure'), others: t('suggest.refused.others') },
      title: t('suggest.title'),
      insert: t('suggest.insert', { text: keep('text') }),
      delete: t('suggest.delete', { text: keep('text') }),
      replace: t('suggest.replace', { deleted: keep('deleted'), inserted: keep('inserted') }),
      accept: t('suggest.accept'),
      reject: t('suggest.reject'),
      acceptAll: t('suggest.acceptAll'),
      rejectAll: t('suggest.rejectAll'),
      commentAdd: t('suggest.commentAdd'),
      commentEdit: t('suggest.commentEdit'),
      commentLabel: t('suggest.commentLabel'),
      commentSave: t('suggest.commentSave'),
      commentCancel: t('suggest.commentCancel'),
      commentCount: t('suggest.commentCount', { used: keep('used'), max: keep('max') }),
      commentTooLong: t('suggest.commentTooLong', { max: keep('max') }),
      commentGone: t('suggest.commentGone'),
    },
  };
}
