import { getTranslations } from 'next-intl/server';
import type { SuggestionKind } from '@/lib/domain/editor/suggestions';

/** How server-rendered pages put a suggestion in words: "Replace “a” with “b”" (the editor's list says it the same way). */
export async function getSuggestionWords() {
  const e = await getTranslations('editor.suggest');
  return (s: { kind: SuggestionKind; inserted: string; deleted: string }) =>
    s.kind === 'insert' ? e('insert', { text: s.inserted }) : s.kind === 'delete' ? e('delete', { text: s.deleted }) : e('replace', { deleted: s.deleted, inserted: s.inserted });
}
