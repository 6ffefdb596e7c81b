import { Node as PMNode } from '@tiptap/pm/model';
import { allowedMarkTypes, allowedNodeTypes } from './extensions';
import { THREAD_ID_PATTERN } from './comment-mark';
import { isAllowedHref } from './link-policy';
import { MAX_SUGGESTION_COMMENT } from './suggestion-comment';
import { jsonShapeProblem } from '../json-shape';
import { profileSchema } from './schema';

export const MAX_DOC_BYTES = 256 * 1024;
export const MAX_DOC_NODES = 5000;
const MAX_DEPTH = 40;

export type ProfileDoc = { type: 'doc'; content?: unknown[] };

export type DocCheck =
  | { ok: true; doc: ProfileDoc }
  | { ok: false; code: 'doc_too_large' | 'doc_too_many_nodes' | 'doc_invalid'; message: string; path?: string };

type Json = Record<string, unknown>;

const shortText = (max: number) => (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= max;
/** A suggestion names its author and time; the id and author are UUIDs (server-made users, browser-made ids). */
const suggestionAttrRules: Record<string, (v: unknown) => boolean> = {
  id: (v) => typeof v === 'string' && THREAD_ID_PATTERN.test(v),
  authorId: (v) => typeof v === 'string' && THREAD_ID_PATTERN.test(v),
  authorName: shortText(200),
  at: (v) => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v)),
  comment: (v) => v === null || shortText(MAX_SUGGESTION_COMMENT)(v),
};
const requiredAttrs: Record<string, string[]> = {
  comment: ['threadId'],
  insertion: ['id', 'authorId', 'authorName', 'at'],
  deletion: ['id', 'authorId', 'authorName', 'at'],
};

const allowedAttrs: Record<string, Record<string, (v: unknown) => boolean>> = {
  orderedList: {
    start: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100_000,
    type: (v) => v === null || v === '1' || v === 'a' || v === 'A' || v === 'i' || v === 'I',
  },
  link: {
    href: isAllowedHref,
    target: (v) => v === null || v === '_blank',
    rel: (v) => v === null || v === 'noopener noreferrer nofollow',
    class: (v) => v === null,
    title: (v) => v === null || (typeof v === 'string' && v.length <= 500),
  },
  comment: {
    threadId: (v) => typeof v === 'string' && THREAD_ID_PATTERN.test(v),
  },
  insertion: suggestionAttrRules,
  deletion: suggestionAttrRules,
};

function fail(message: string, path?: string): DocCheck {
  return { ok: false, code: 'doc_invalid', message, path };
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkAttrs(kind: string, attrs: unknown, path: string): string | null {
  if (attrs === undefined) return Object.hasOwn(requiredAttrs, kind) ? `${path}: a ${kind} mark needs ${requiredAttrs[kind].join(', ')}` : null;
  if (!isObject(attrs)) return `${path}: attrs must be an object`;
  const rules = Object.hasOwn(allowedAttrs, kind) ? allowedAttrs[kind] : {};
  for (const [name, value] of Object.entries(attrs)) {
    // Own rules only: `rules[name]` found what every object inherits ("valueOf", "constructor"),
    // called it as a rule and answered 500, or let the attribute through.
    const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
    if (!rule) return `${path}: attribute "${name}" is not allowed on ${kind}`;
    if (!rule(value)) {
      return kind === 'link' && name === 'href'
        ? `${path}: link target ${JSON.stringify(String(value).slice(0, 80))} is not allowed; use http, https or mailto addresses`
        : `${path}: attribute "${name}" of ${kind} has a value that is not allowed`;
    }
  }
  if (kind === 'link' && !Object.hasOwn(attrs, 'href')) return `${path}: a link needs an href`;
  const missing = ((Object.hasOwn(requiredAttrs, kind) ? requiredAttrs[kind] : undefined) ?? []).filter((name) => !Object.hasOwn(attrs, name));
  if (missing.length > 0) return `${path}: a ${kind} mark needs ${missing.join(', ')}`;
  return null;
}

/** Walks the raw JSON before ProseMirror sees it: shape, size, types and attributes. */
function walk(node: unknown, path: string, depth: number, counter: { n: number }): string | null {
  if (++counter.n > MAX_DOC_NODES) return 'too_many';
  if (depth > MAX_DEPTH) return `${path}: nested too deeply`;
  if (!isObject(node)) return `${path}: must be an object`;
  for (const key of Object.keys(node)) {
    if (!['type', 'content', 'text', 'marks', 'attrs'].includes(key)) return `${path}: unknown field "${key}"`;
  }
  const type = node.type;
  if (typeof type !== 'string' || !(allowedNodeTypes as readonly string[]).includes(type)) {
    return `${path}: node type ${JSON.stringify(type)} is not allowed`;
  }
  const attrError = checkAttrs(type, node.attrs, path);
  if (attrError) return attrError;
  if (type === 'text') {
    if (typeof node.text !== 'string' || node.text.length === 0) return `${path}: text must be a non-empty string`;
    // PostgreSQL cannot store U+0000 in jsonb; other control characters have no place in prose.
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(node.text)) return `${path}: text holds control characters`;
    if (!node.text.isWellFormed()) return `${path}: text is not valid Unicode (an unpaired surrogate)`;
  } else if ('text' in node) {
    return `${path}: only text nodes have text`;
  }
  if (node.marks !== undefined) {
    if (type !== 'text') return `${path}: only text can carry marks`;
    if (!Array.isArray(node.marks)) return `${path}: marks must be a list`;
    for (const [i, mark] of node.marks.entries()) {
      const markPath = `${path}.marks[${i}]`;
      if (!isObject(mark)) return `${markPath}: must be an object`;
      if (typeof mark.type !== 'string' || !(allowedMarkTypes as readonly string[]).includes(mark.type)) {
        return `${markPath}: mark type ${JSON.stringify(mark.type)} is not allowed`;
      }
      if (Object.keys(mark).some((k) => k !== 'type' && k !== 'attrs')) return `${markPath}: unknown field`;
      const markAttrError = checkAttrs(mark.type, mark.attrs, markPath);
      if (markAttrError) return markAttrError;
    }
  }
  if (node.content !== undefined) {
    if (!Array.isArray(node.content)) return `${path}: content must be a list`;
    for (const [i, child] of node.content.entries()) {
      const error = walk(child, `${path}.content[${i}]`, depth + 1, counter);
      if (error) return error;
    }
  }
  return null;
}

/**
 * Checks an untrusted document against the profile schema and our own rules.
 * On success returns ProseMirror's normalised JSON, which is what gets stored.
 */
export function validateProfileDoc(input: unknown): DocCheck {
  // Before anything recursive (JSON.stringify below) meets a document nested thousands deep.
  const shape = jsonShapeProblem(input, 'doc');
  if (shape?.code === 'too_deep') return fail(`The document is not allowed here: ${shape.path}: nested too deeply.`);
  let bytes: number;
  try {
    bytes = new TextEncoder().encode(JSON.stringify(input) ?? '').length;
  } catch {
    return fail('The document is not valid JSON data.');
  }
  if (bytes > MAX_DOC_BYTES) {
    return { ok: false, code: 'doc_too_large', message: `The document is ${Math.ceil(bytes / 1024)} KB; the limit is 256 KB.` };
  }
  if (!isObject(input) || input.type !== 'doc') return fail('The document must be an object of type "doc".', 'doc');
  const counter = { n: 0 };
  const error = walk(input, 'doc', 0, counter);
  if (error === 'too_many') {
    return { ok: false, code: 'doc_too_many_nodes', message: `The document has more than ${MAX_DOC_NODES} nodes.` };
  }
  if (error) return fail(`The document is not allowed here: ${error}.`);
  try {
    const node = PMNode.fromJSON(profileSchema(), input);
    node.check();
    return { ok: true, doc: node.toJSON() as ProfileDoc };
  } catch (e) {
    return fail(`The document does not fit the profile structure: ${(e as Error).message}.`);
  }
}
