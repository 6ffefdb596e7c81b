import type { ActionState } from '@/lib/actions/safe-action';

const keys = new WeakMap<object, number>();
let last = 0;

/**
 * A React key that changes with every answer of a form action, also when two
 * answers look alike. Keying a form by it remounts the form with the answer's
 * values: React resets a form after its action, which would otherwise put
 * selects back to their first default and lose the person's choices.
 */
export function actionStateKey(state: ActionState): number {
  if (!state) return 0;
  let key = keys.get(state);
  if (key === undefined) {
    key = ++last;
    keys.set(state, key);
  }
  return key;
}
