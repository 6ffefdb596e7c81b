import type { Actor } from '../lib/policy';

/** What the live-editing server knows of each connection (server/collab.ts). */
export interface Context {
  actor: Actor;
  sid: string;
  /** The server's own connection (a save made here reaching another instance's editors), never a person's. */
  internal?: true;
}

/** A refusal that closes the connection; the client is told nothing more than "forbidden". */
export class Refused extends Error {
  readonly code: number = 4403;
  readonly reason: string = 'forbidden';
}
