import type { HocuspocusProvider } from '@hocuspocus/provider';
import { STORE_NOW } from '@/lib/collab/protocol';

/** How long "store now" may take before a comment gives up and asks to try again. */
const STORE_TIMEOUT_MS = 15_000;

/**
 * Has the server store a live part now, so that a comment finds its passage where
 * this person sees it: an editor asks once the server holds every change sent from
 * here; a reader sends none, so it asks at once. Resolves with the stored revision,
 * or null when that cannot happen now (offline, or no answer in time).
 */
export function storeNow(provider: HocuspocusProvider, { afterOwnChanges }: { afterOwnChanges: boolean }): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(null), STORE_TIMEOUT_MS);
    const onStateless = ({ payload }: { payload: string }) => {
      try {
        const stored = (JSON.parse(payload) as { stored?: number | null }).stored;
        if (stored !== undefined) finish(stored);
      } catch {
        /* not ours */
      }
    };
    const ask = () => {
      if (afterOwnChanges && provider.hasUnsyncedChanges) return;
      provider.off('unsyncedChanges', ask);
      provider.sendStateless(STORE_NOW);
    };
    function finish(revision: number | null) {
      clearTimeout(timer);
      provider.off('stateless', onStateless);
      provider.off('unsyncedChanges', ask);
      resolve(revision);
    }
    provider.on('stateless', onStateless);
    provider.on('unsyncedChanges', ask);
    ask();
  });
}
