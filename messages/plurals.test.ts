import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

type Tree = { [key: string]: string | Tree };
const entries = (tree: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : entries(v, `${prefix}${k}.`)));

/** Arguments that carry a count of things somewhere in the catalogs. */
const countArguments = ['n', 'count', 'total', 'users', 'jurisdictions', 'ready', 'created', 'unchanged', 'refused', 'minutes', 'potential'];
/** Counts that name no noun to agree with ("and 3 more", "Checking 2 of 5…", "Page 1 of 3", "Correction 2", "Role 2"). */
const withoutNoun = new Set(['dashboard.more', 'import.checking', 'import.importing', 'editionPdf.page', 'public.correctionVersion', 'admin.users.roleRow', 'admin.users.removeRoleRow']);

describe('counts in every language', () => {
  it.each([
    ['en', en],
    ['fr', fr],
    ['es', es],
  ])('%s: every count of things is an ICU plural', (_lang, catalog) => {
    const bare = entries(catalog as Tree)
      .filter(([key]) => !withoutNoun.has(key))
      .filter(([, text]) => countArguments.some((a) => text.includes(`{${a}}`)))
      .map(([key]) => key);
    expect(bare).toEqual([]);
  });

  // Keys named by string: the catalogs' own key types are not needed to read them back.
  const t = (messages: object, locale: string) =>
    createTranslator({ locale, messages: messages as Tree }) as unknown as (key: string, values: Record<string, number>) => string;
  it('reads right for one and for several', () => {
    const f = t(fr, 'fr');
    expect(f('inbox.unread', { n: 1 })).toBe('1 non lue');
    expect(f('inbox.unread', { n: 3 })).toBe('3 non lues');
    expect(f('import.imported', { created: 0, unchanged: 1, refused: 1 })).toBe('0 importé, 1 déjà importé, 1 refusé.');
    expect(f('import.checked', { ready: 2, unchanged: 1, refused: 1 })).toBe('2 prêts à importer, 1 déjà importé, 1 refusé.');
    expect(f('profiles.progress', { done: 1 })).toBe('1 domaine complet sur 6');
    expect(f('review.allAccepted', { n: 6 })).toBe('6 domaines acceptés sur 6');
    expect(f('inbox.attempts', { n: 1 })).toBe('1 tentative échouée');
    const s = t(es, 'es');
    expect(s('import.imported', { created: 1, unchanged: 1, refused: 2 })).toBe('1 importado, 1 ya importado, 2 rechazados.');
    expect(s('dashboard.stats', { users: 1, jurisdictions: 2 })).toBe('1 usuario · 2 jurisdicciones');
    const e = t(en, 'en');
    // English outputs stay as they were.
    expect(e('import.imported', { created: 1, unchanged: 0, refused: 1 })).toBe('1 imported, 0 already imported, 1 refused.');
    expect(e('inbox.unread', { n: 2 })).toBe('2 unread');
    expect(e('comments.mentionCount', { n: 1 })).toBe('1 person matches: arrow keys to choose, Enter to insert');
    // A digest of suggestions names the latest suggester, counts the others and the changes.
    const digest = (name: string, others: number, n: number) => ({ name, others, n, section: 'Alianzas' }) as unknown as Record<string, number>;
    expect(e('inbox.kinds.suggested', digest('Ana Pérez', 1, 7))).toBe('Ana Pérez and 1 other suggested 7 changes in Alianzas');
    expect(e('inbox.kinds.suggested', digest('Ana Pérez', 0, 1))).toBe('Ana Pérez suggested 1 change in Alianzas');
    expect(f('inbox.kinds.suggested', digest('Ana Pérez', 2, 3))).toBe('Ana Pérez et 2 autres personnes ont suggéré 3 modifications dans « Alianzas »');
    expect(f('inbox.kinds.suggested', digest('Ana Pérez', 0, 1))).toBe('Ana Pérez a suggéré 1 modification dans « Alianzas »');
    expect(s('inbox.kinds.suggested', digest('Ana Pérez', 1, 2))).toBe('Ana Pérez y 1 persona más sugirieron 2 cambios en «Alianzas»');
  });
});
