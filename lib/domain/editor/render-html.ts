import { DOMSerializer, Node as PMNode } from '@tiptap/pm/model';
import { profileSchema } from './schema';
import { rejectAllSuggestions } from './suggestions';

/*
 * Renders a stored (already validated) document to HTML on the server, from the
 * schema's own toDOM rules, never from HTML a client sent. ProseMirror's
 * serializer needs a DOM; this is the smallest one it works with, and it
 * escapes every text and attribute it writes.
 */
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

interface MiniNode {
  toHTML(): string;
}

class MiniText implements MiniNode {
  constructor(readonly text: string) {}
  toHTML() {
    return escapeText(this.text);
  }
}

class MiniParent implements MiniNode {
  children: MiniNode[] = [];
  appendChild(child: MiniNode) {
    this.children.push(child);
    return child;
  }
  toHTML() {
    return this.children.map((c) => c.toHTML()).join('');
  }
}

class MiniElement extends MiniParent {
  attributes = new Map<string, string>();
  constructor(readonly tagName: string) {
    super();
  }
  setAttribute(name: string, value: string) {
    if (!/^[a-z][a-z0-9-]*$/i.test(name) || /^on/i.test(name)) return; // no event handlers, ever
    this.attributes.set(name, String(value));
  }
  toHTML(): string {
    const attrs = [...this.attributes].map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
    return `<${this.tagName}${attrs}>${super.toHTML()}</${this.tagName}>`;
  }
}

const miniDocument = {
  createElement: (tag: string) => new MiniElement(tag.toLowerCase()),
  createElementNS: (_ns: string, tag: string) => new MiniElement(tag.toLowerCase()),
  createTextNode: (text: string) => new MiniText(text),
  createDocumentFragment: () => new MiniParent(),
};

let serializer: DOMSerializer | undefined;

/**
 * By default the text as it stands without its open suggestions: a proposal is never shown as if it
 * were the text (editions, public pages). `suggestions: 'inline'` shows them as the editor does
 * (insertions in <ins>, deletions struck through in <del>, each with who and when): for the people
 * following a part being worked on, read-only.
 * `anchorPrefix` gives the n-th paragraph (from 1, in reading order) the id
 * `{anchorPrefix}-{n}`: the passage search links there (lib/domain/search/passages.ts).
 */
export function renderDocHtml(doc: unknown, { anchorPrefix, suggestions = 'hidden' }: { anchorPrefix?: string; suggestions?: 'hidden' | 'inline' } = {}): string {
  const schema = profileSchema();
  serializer ??= DOMSerializer.fromSchema(schema);
  const node = PMNode.fromJSON(schema, suggestions === 'inline' ? doc : rejectAllSuggestions(doc));
  const fragment = serializer.serializeFragment(node.content, {
    document: miniDocument as unknown as Document,
  }) as unknown as MiniParent;
  if (anchorPrefix) numberParagraphs(fragment, anchorPrefix);
  return fragment.toHTML();
}

/** Ids on paragraphs in document order, as the search index numbers them. */
function numberParagraphs(root: MiniParent, prefix: string) {
  let n = 0;
  const visit = (node: MiniNode) => {
    if (node instanceof MiniElement && node.tagName === 'p') node.setAttribute('id', `${prefix}-${++n}`);
    if (node instanceof MiniParent) node.children.forEach(visit);
  };
  root.children.forEach(visit);
}
