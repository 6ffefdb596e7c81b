/** Percentile of a list of numbers (nearest-rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The target, and whether lower or higher is better. */
  target?: { value: number; better: 'lower' | 'higher' };
}

export function meets(f: Figure): string {
  if (!f.target) return '';
  const ok = f.target.better === 'lower' ? f.value < f.target.value : f.value >= f.target.value;
  return ok ? 'yes' : 'NO';
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The order in which two sides are measured over some rounds: a b, b a, a b…, so that neither
 * always runs second, on a server the other has just warmed.
 */
export function alternatingOrder<T>(sides: readonly [T, T], rounds: number): T[] {
  return Array.from({ length: rounds }, (_, i) => (i % 2 === 0 ? [sides[0], sides[1]] : [sides[1], sides[0]])).flat();
}
