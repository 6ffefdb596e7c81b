import { percentile, type Figure } from './stats';

/*
 * The arithmetic of the live-editing benchmark (bench/collab.ts), kept apart
 * from its servers and sockets so that it is tested on its own.
 */

/**
 * The clients that should see a change made by `writer`: every other one, or
 * with `acrossOnly` only those on another instance than the writer's (the
 * two-instance figure is about Redis carrying the change, not the local path).
 */
export function receiversOf(writer: number, instanceOf: number[], acrossOnly: boolean): number[] {
  return instanceOf.flatMap((instance, i) => (i === writer || (acrossOnly && instance === instanceOf[writer]) ? [] : [i]));
}

/** Which instance each of `people` connects to: alternating, so half are on each. */
export function spread(people: number, instances: number): number[] {
  return Array.from({ length: people }, (_, i) => i % instances);
}

/** Memory per open document: the growth from none to `count` open, divided, in KB. */
export function perDocumentKb(before: number, after: number, count: number): number {
  if (count <= 0) throw new Error('perDocumentKb needs at least one document.');
  return (after - before) / count / 1024;
}

/** The p50 and p95 rows of one latency run (no target: the issue sets none; the rows are for comparing runs). */
export function latencyFigures(label: string, samplesMs: number[]): Figure[] {
  return [
    { name: `${label}: p50`, value: percentile(samplesMs, 50), unit: 'ms' },
    { name: `${label}: p95`, value: percentile(samplesMs, 95), unit: 'ms' },
  ];
}
