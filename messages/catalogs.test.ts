import { describe, expect, it } from 'vitest';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

describe('message catalogs', () => {
  const english = keys(en).sort();
  it.each([
    ['fr', fr],
    ['es', es],
  ])('%s has exactly the English keys', (_name, catalog) => {
    expect(keys(catalog as Tree).sort()).toEqual(english);
  });

  it('keeps ICU placeholders the same in every language', () => {
    // An argument is `{name}` or `{name, plural, …}`; plural branches like `{No open comments}` are text.
    const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();
    const lookup = (tree: Tree, path: string) => path.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k], tree) as string;
    for (const key of english) {
      for (const catalog of [fr, es]) {
        expect(placeholders(lookup(catalog as Tree, key)), key).toEqual(placeholders(lookup(en as Tree, key)));
      }
    }
  });
});
