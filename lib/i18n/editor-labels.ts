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
  };
}
