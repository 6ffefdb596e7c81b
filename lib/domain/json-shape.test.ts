import { describe, expect, it } from 'vitest';
import { describeShapeProblem, jsonShapeProblem, MAX_JSON_DEPTH } from './json-shape';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('jsonShapeProblem', () => {
  it('accepts ordinary bodies, and bodies just under the depth limit', () => {
    expect(jsonShapeProblem({ note: 'Hola', list: [1, null, true, { x: 'ñ 😀' }] })).toBeNull();
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH))).toBeNull();
  });

  it('refuses a body nested deeper than the limit, without overflowing the stack however deep', () => {
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH + 1))?.code).toBe('too_deep');
    const huge = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    const problem = jsonShapeProblem(huge)!;
    expect(problem.code).toBe('too_deep');
    expect(describeShapeProblem(problem)).toMatch(/^The body is nested too deeply: body(\[0\]){100} is more than 100 levels down\.$/);
  });

  it('names the first string holding U+0000, in values and in keys', () => {
    expect(jsonShapeProblem({ a: 'fine', note: 'a\u0000b', later: '\u0000' })).toEqual({ code: 'nul_character', path: 'body.note' });
    expect(jsonShapeProblem({ list: ['x', ['y', '\u0000']] })).toEqual({ code: 'nul_character', path: 'body.list[1][1]' });
    expect(jsonShapeProblem({ ['k\u0000']: 1 })?.code).toBe('nul_character');
    expect(describeShapeProblem({ code: 'nul_character', path: 'body.note' })).toBe(
      'The body is not right: body.note holds the character U+0000 (NUL); control characters cannot be stored. Remove it.',
    );
  });

  it('names a string holding a lone surrogate', () => {
    expect(jsonShapeProblem({ doc: { text: 'a\ud800b' } })).toEqual({ code: 'invalid_unicode', path: 'body.doc.text' });
  });
});
