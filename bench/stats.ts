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
