import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import en from '../messages/en.json';
import es from '../messages/es.json';
import fr from '../messages/fr.json';
import { clientNamespaces, pickMessages } from './client-messages';

const root = path.resolve(import.meta.dirname, '..');

/** Every 'use client' module of the app, with its source. */
function clientModules(): Array<{ file: string; source: string }> {
  return ['app', 'components', 'lib', 'i18n'].flatMap((dir) =>
    fs
      .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => ({ file: path.join(dir, f), source: fs.readFileSync(path.join(root, dir, f), 'utf8') }))
      // The directive is the module's first statement, after comments only.
      .filter(({ source }) => /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use client\1/.test(source)),
  );
}

const lookup = (tree: unknown, dotted: string) =>
  dotted.split('.').reduce<unknown>((t, k) => (t !== null && typeof t === 'object' && Object.hasOwn(t, k) ? (t as Record<string, unknown>)[k] : undefined), tree);

describe('messages sent to client components', () => {
  const modules = clientModules();
  const used = new Map<string, string[]>();
  for (const { file, source } of modules) {
    for (const match of source.matchAll(/useTranslations\(\s*(['"])([^'"]+)\1\s*\)/g)) used.set(match[2], [...(used.get(match[2]) ?? []), file]);
  }

  it('finds the client modules (the scan itself works)', () => {
    expect(modules.some((m) => m.file === path.join('components', 'auth', 'login-form.tsx'))).toBe(true);
    expect(used.get('login')).toContain(path.join('components', 'auth', 'login-form.tsx'));
  });

  it('covers every namespace a client component reads', () => {
    const covered = (ns: string) => clientNamespaces.some((entry) => ns === entry || ns.startsWith(`${entry}.`));
    expect([...used.keys()].filter((ns) => !covered(ns))).toEqual([]);
  });

  it('lists nothing no client component reads', () => {
    const read = (entry: string) => [...used.keys()].some((ns) => ns === entry || ns.startsWith(`${entry}.`));
    expect(clientNamespaces.filter((entry) => !read(entry))).toEqual([]);
  });

  it('has client components read their messages only through a namespace written out', () => {
    // A namespace held in a variable, no namespace at all, or the raw catalog could not be checked above.
    const unchecked = modules.filter(({ source }) => /useTranslations\(\s*(?!['"])|useMessages\(/.test(source)).map((m) => m.file);
    expect(unchecked).toEqual([]);
  });

  it.each([
    ['en', en],
    ['fr', fr],
    ['es', es],
  ])('finds every namespace in the %s catalog', (_name, catalog) => {
    expect(clientNamespaces.filter((ns) => typeof lookup(catalog, ns) !== 'object')).toEqual([]);
  });

  it('sends much less than the whole catalog', () => {
    const size = (value: unknown) => JSON.stringify(value).length;
    expect(size(pickMessages(fr, clientNamespaces))).toBeLessThan(size(fr) / 2);
  });
});

describe('pickMessages', () => {
  const key = fc.constantFrom('a', 'b', 'c', 'd');
  const tree = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.string(), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
  })).node;
  const dotted = fc.array(key, { minLength: 1, maxLength: 3 }).map((keys) => keys.join('.'));

  it('keeps each listed path as it was, and nothing outside the listed paths', () => {
    fc.assert(
      fc.property(fc.dictionary(key, tree), fc.array(dotted, { maxLength: 4 }), (messages, paths) => {
        const picked = pickMessages(messages as Record<string, unknown>, paths);
        for (const p of paths) expect(lookup(picked, p)).toEqual(lookup(messages, p));
        // Every leaf of the copy lies on or under a listed path, and is the original's.
        const leaves = (t: unknown, prefix: string[] = []): string[][] =>
          t !== null && typeof t === 'object' && Object.keys(t).length > 0 ? Object.entries(t).flatMap(([k, v]) => leaves(v, [...prefix, k])) : [prefix];
        for (const leaf of leaves(picked)) {
          if (leaf.length === 0) continue;
          expect(paths.some((p) => leaf.join('.') === p || leaf.join('.').startsWith(`${p}.`))).toBe(true);
          expect(lookup(picked, leaf.join('.'))).toEqual(lookup(messages, leaf.join('.')));
        }
      }),
    );
  });

  it('does not change the catalog it picks from', () => {
    const before = JSON.stringify(fr);
    pickMessages(fr, clientNamespaces);
    expect(JSON.stringify(fr)).toBe(before);
  });
});
