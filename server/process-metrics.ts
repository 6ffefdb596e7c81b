import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * The figures the load benchmark reads from each instance: the longest stall
 * of the event loop (the embedded database runs on it, so a slow query stalls
 * every request) and the peak memory. Only measured when MGI_METRICS=1.
 */
export function startProcessMetrics() {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let peakRss = process.memoryUsage.rss();
  // Garbage collection pauses the loop too: its longest pause tells a collection from slow code.
  let longestGc = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestGc = Math.max(longestGc, entry.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 100);
  sampler.unref();
  return {
    /** Memory now, after a full garbage collection: what live objects hold (memory per open live document). */
    settled: () => {
      collectGarbage();
      const { rss, heapUsed } = process.memoryUsage();
      return { rssMb: rss / 2 ** 20, heapUsedMb: heapUsed / 2 ** 20 };
    },
    read: () => ({ eventLoopMaxMs: delay.max / 1e6, eventLoopP99Ms: delay.percentile(99) / 1e6, longestGcMs: longestGc, peakRssMb: peakRss / 2 ** 20 }),
    reset: () => {
      delay.reset();
      longestGc = 0;
      peakRss = process.memoryUsage.rss();
    },
  };
}

/** A full collection on request, without starting Node with --expose-gc (only the metrics mode asks for it). */
function collectGarbage() {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}
