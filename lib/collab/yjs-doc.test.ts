import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { validateProfileDoc } from '../domain/editor/validate-doc';
import { checkUpdate, COLLAB_FIELD, nextYState, yDocJson, yStateFromJson } from './yjs-doc';

const text = fc.stringMatching(/^[a-zé ]{1,12}$/);
const inline = fc.record(
  {
    type: fc.constant('text'),
    text,
    marks: fc.subarray([{ type: 'bold' }, { type: 'italic' }, { type: 'link', attrs: { href: 'https://example.org/a' } }], { minLength: 1 }),
  },
  { requiredKeys: ['type', 'text'] },
);
const paragraph = fc.record({ type: fc.constant('paragraph'), content: fc.array(inline, { maxLength: 4 }) }, { requiredKeys: ['type'] });
const listItem = fc.record({ type: fc.constant('listItem'), content: fc.tuple(paragraph).map((p) => [...p]) });
const list = fc.record({ type: fc.constantFrom('bulletList', 'orderedList'), content: fc.array(listItem, { minLength: 1, maxLength: 3 }) });
/** Documents as the editor makes them, normalised by the validator (what is stored). */
const docs = fc
  .record({ type: fc.constant('doc'), content: fc.array(fc.oneof(paragraph, paragraph, list), { minLength: 1, maxLength: 6 }) })
  .map((d) => validateProfileDoc(d))
  .filter((c) => c.ok)
  .map((c) => (c.ok ? c.doc : null));

function docOf(state: Uint8Array): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  return ydoc;
}

/** An update that appends a raw element to the shared fragment, as a hostile client could. */
function hostileUpdate(base: Uint8Array, build: (fragment: Y.XmlFragment) => void): Uint8Array {
  const ydoc = docOf(base);
  const before = Y.encodeStateVector(ydoc);
  build(ydoc.getXmlFragment(COLLAB_FIELD));
  return Y.encodeStateAsUpdate(ydoc, before);
}

describe('ProseMirror JSON ⇄ Yjs', () => {
  it('a document survives the round trip unchanged and valid', () => {
    fc.assert(
      fc.property(docs, (doc) => {
        const back = validateProfileDoc(yDocJson(docOf(yStateFromJson(doc))));
        expect(back.ok && back.doc).toEqual(doc);
      }),
      { numRuns: 150 },
    );
  }, 60_000); // a loaded 2-core machine

  it('moving a stored state on to another document yields exactly that document', () => {
    fc.assert(
      fc.property(docs, docs, (a, b) => {
        const moved = nextYState(yStateFromJson(a), b);
        const back = validateProfileDoc(yDocJson(docOf(moved)));
        expect(back.ok && back.doc).toEqual(b);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('updates are checked before they touch the live document', () => {
  const base = yStateFromJson({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hola' }] }] });

  it('an ordinary edit passes', () => {
    const update = hostileUpdate(base, (f) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('más')]);
      f.push([p]);
    });
    expect(checkUpdate(docOf(base), update).ok).toBe(true);
  });

  it.each([
    ['an iframe', (f: Y.XmlFragment) => f.push([new Y.XmlElement('iframe')])],
    [
      'a javascript: link',
      (f: Y.XmlFragment) => {
        const p = new Y.XmlElement('paragraph');
        const t = new Y.XmlText();
        t.insert(0, 'clic', { link: { href: 'javascript:alert(1)' } });
        p.insert(0, [t]);
        f.push([p]);
      },
    ],
    [
      'an unknown attribute',
      (f: Y.XmlFragment) => {
        const p = new Y.XmlElement('paragraph');
        p.setAttribute('onclick', 'alert(1)');
        f.push([p]);
      },
    ],
    [
      'an unknown mark',
      (f: Y.XmlFragment) => {
        const p = new Y.XmlElement('paragraph');
        const t = new Y.XmlText();
        t.insert(0, 'x', { script: {} });
        p.insert(0, [t]);
        f.push([p]);
      },
    ],
    [
      'text longer than the size limit',
      (f: Y.XmlFragment) => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText('x'.repeat(300 * 1024))]);
        f.push([p]);
      },
    ],
    ['a document emptied of every block', (f: Y.XmlFragment) => f.delete(0, f.length)],
  ])('%s is refused, and the live document is untouched', (_name, build) => {
    const live = docOf(base);
    const before = JSON.stringify(yDocJson(live));
    const check = checkUpdate(live, hostileUpdate(base, build));
    expect(check.ok).toBe(false);
    expect(JSON.stringify(yDocJson(live))).toBe(before);
  });

  it('bytes that are no update at all are refused', () => {
    expect(checkUpdate(docOf(base), new Uint8Array([1, 2, 3, 250, 250])).ok).toBe(false);
  });
});
