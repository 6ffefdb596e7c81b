/*
 * Whether this instance knows its database to be unreachable right now. Set
 * and cleared by db/outage-watch.ts (after a request failed, then by a probe
 * on a timer), read by proxy.ts on every page request: a read of memory, never
 * a query. It lives on globalThis because proxy.ts and the pages are bundled
 * apart and share only the process. It says nothing another instance needs:
 * each instance watches its own connection.
 */
const KEY = Symbol.for('mgi.databaseOutage');
type Holder = { [KEY]?: { since: number } };

export function databaseOutageKnown(): boolean {
  return (globalThis as Holder)[KEY] !== undefined;
}

export function setDatabaseOutage(down: boolean): void {
  if (down) (globalThis as Holder)[KEY] ??= { since: Date.now() };
  else delete (globalThis as Holder)[KEY];
}
