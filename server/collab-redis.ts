import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import type { afterStoreDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import { randomUUID } from 'node:crypto';
import RedisClient from 'ioredis';
import type { RightsScope } from '../lib/collab/live-registry';

/** How long one instance may hold a part's store lock: far above a store on a busy machine. */
const LOCK_MS = 15_000;
/** How long a part opened here waits for another instance's copy of it before going on without. */
const PEER_SYNC_MS = 5_000;
/** How often "store now" asks again for a lock another instance holds. */
const LOCK_RETRY_MS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Thrown by the extension when another instance holds the lock (matched by name: it comes from @hocuspocus/common). */
const isLockedElsewhere = (error: unknown) => error instanceof Error && error.name === 'SkipFurtherHooksError';

/**
 * Live documents shared by several app instances through Redis: Hocuspocus's
 * own extension relays every change and caret between the instances that
 * have a part open, and lets one instance at a time store a part. Two things
 * are added here, both so that the database ends with everything typed:
 *
 * - A store refused because another instance holds the lock is tried again
 *   later, not dropped: the other instance may be storing a state that lacks
 *   this instance's last changes (the extension assumes it does not).
 * - "Store now" and shutdown, which store outside Hocuspocus's debounce, take
 *   the same lock (`exclusively`).
 *
 * Whoever stores, the contributors of a revision are everyone who typed since
 * the last one on any instance: they are kept in Redis (`contributors`).
 */
export class SharedDocuments extends RedisExtension {
  /** This instance, so that it does not act twice on its own notices. */
  private readonly instanceId = randomUUID();
  /** The connection that hears other instances' notices (a subscribed client can do nothing else). */
  private rightsListener: RedisClient | null = null;

  constructor(
    private readonly url: string,
    prefix: string,
  ) {
    super({
      createClient: () => new RedisClient(url),
      prefix,
      lockTimeout: LOCK_MS,
      awaitInitialSyncTimeout: PEER_SYNC_MS,
    });
  }

  private get rightsChannel() {
    return `${this.configuration.prefix}#rights`;
  }

  /** Tells the other instances that rights changed (lib/collab/live-registry.ts): they judge their connections again. */
  announceRights(scope: RightsScope): void {
    this.pub
      .publish(this.rightsChannel, JSON.stringify({ from: this.instanceId, scope }))
      .catch((error: unknown) => console.error('Redis: a change of rights was not announced to the other instances', error));
  }

  /** Calls `listener` for each change of rights another instance announces; resolves once listening. */
  async listenForRights(listener: (scope: RightsScope) => void): Promise<void> {
    const client = new RedisClient(this.url);
    this.rightsListener = client;
    client.on('message', (channel: string, text: string) => {
      if (channel !== this.rightsChannel) return;
      try {
        const notice = JSON.parse(text) as { from?: string; scope?: RightsScope };
        if (notice.from !== this.instanceId && notice.scope) listener(notice.scope);
      } catch {
        // not a notice of ours
      }
    });
    await client.subscribe(this.rightsChannel);
  }

  override async onDestroy() {
    this.rightsListener?.disconnect();
    await super.onDestroy();
  }

  override async onStoreDocument(payload: onStoreDocumentPayload) {
    try {
      await super.onStoreDocument(payload);
    } catch (error) {
      // Scheduled before Hocuspocus looks whether it may unload the document: it stays until stored.
      if (isLockedElsewhere(error)) payload.instance.storeDocumentHooks(payload.document, payload);
      throw error;
    }
  }

  /** Runs `store` holding the part's store lock, waiting (up to the lock's lifetime) while another instance holds it. */
  async exclusively<T>(documentName: string, store: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + LOCK_MS;
    for (;;) {
      try {
        await super.onStoreDocument({ documentName } as onStoreDocumentPayload);
        break;
      } catch (error) {
        if (!isLockedElsewhere(error) || Date.now() > deadline) throw error;
        await sleep(LOCK_RETRY_MS);
      }
    }
    try {
      return await store();
    } finally {
      await this.afterStoreDocument({ documentName } as afterStoreDocumentPayload);
    }
  }

  /** Whether an instance (this one included) has the part open: it listens on the part's channel. */
  async isOpenAnywhere(documentName: string): Promise<boolean> {
    // The extension's channel of a document (its `subKey`): `${prefix}:${documentName}`.
    const [, listeners] = (await this.pub.pubsub('NUMSUB', `${this.configuration.prefix}:${documentName}`)) as [string, number | string];
    return Number(listeners) > 0;
  }

  /** Who changed each part since it was last stored, whichever instance they are connected to. */
  readonly contributors = {
    key: (documentName: string) => `${this.configuration.prefix}#contributors:${documentName}`,
    /** Notes a change by `userId` (the latest change's author is the revision's author). */
    add: (documentName: string, userId: string) => {
      const key = this.contributors.key(documentName);
      this.pub
        .multi()
        .zadd(key, Date.now(), userId)
        .expire(key, 7 * 24 * 3600) // a part never stored again does not keep its list forever
        .exec()
        .catch((error: unknown) => console.error(`Redis: contributors of ${documentName} not noted`, error));
    },
    /** Everyone noted since the last store, oldest change first, and forgets them. */
    take: async (documentName: string): Promise<string[]> => {
      const key = this.contributors.key(documentName);
      const answers = await this.pub.multi().zrange(key, 0, -1).del(key).exec();
      return (answers?.[0]?.[1] as string[] | undefined) ?? [];
    },
    /** Puts them back when storing failed (older than any change noted meanwhile). */
    putBack: async (documentName: string, userIds: string[]) => {
      if (userIds.length === 0) return;
      await this.pub.zadd(this.contributors.key(documentName), 'NX', ...userIds.flatMap((id, i) => [i + 1, id]));
    },
  };
}
