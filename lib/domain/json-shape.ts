/*
 * Checks a parsed JSON body before any schema or recursive code sees it:
 * JSON.parse accepts any depth, but recursive walks (ours, zod's,
 * JSON.stringify) overflow the stack on a body nested a few thousand levels
 * deep and answer a 500. This walk uses its own stack and stops at a depth
 * no real request reaches (a document at its 40-node limit is about 90 deep).
 */

export const MAX_JSON_DEPTH = 100;

export type ShapeProblem =
  | { code: 'too_deep'; path: string }
  | { code: 'nul_character'; path: string }
  | { code: 'invalid_unicode'; path: string };

/** The first problem found in a parsed JSON value, or null. */
export function jsonShapeProblem(value: unknown, root = 'body'): ShapeProblem | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = stringProblem(v);
      if (problem) return { code: problem, path };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return { code: 'too_deep', path };
    const entries: Array<[string, unknown]> = Array.isArray(v) ? v.map((item, i) => [`[${i}]`, item]) : Object.entries(v).map(([k, item]) => [`.${k}`, item]);
    // Pushed in reverse, so that problems are found in document order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [step, item] = entries[i];
      if (!Array.isArray(v)) {
        const keyProblem = stringProblem(step);
        if (keyProblem) return { code: keyProblem, path: `${path}${JSON.stringify(step.slice(1))}` };
      }
      stack.push({ value: item, path: `${path}${step}`, depth: depth + 1 });
    }
  }
  return null;
}

function stringProblem(text: string): 'nul_character' | 'invalid_unicode' | null {
  if (text.includes('\u0000')) return 'nul_character';
  if (!text.isWellFormed()) return 'invalid_unicode';
  return null;
}

/** The API's English message for a problem. */
export function describeShapeProblem(problem: ShapeProblem): string {
  switch (problem.code) {
    case 'too_deep':
      return `The body is nested too deeply: ${problem.path} is more than ${MAX_JSON_DEPTH} levels down.`;
    case 'nul_character':
      return `The body is not right: ${problem.path} holds the character U+0000 (NUL); control characters cannot be stored. Remove it.`;
    case 'invalid_unicode':
      return `The body is not valid Unicode: ${problem.path} holds an unpaired surrogate (\\ud800–\\udfff).`;
  }
}
