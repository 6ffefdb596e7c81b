import type { Instrumentation } from 'next';

/**
 * Runs once when a server instance starts. When SMTP is configured, a loop
 * sends the email outbox every 30 seconds; every instance may run it (rows are
 * claimed with SKIP LOCKED). Nothing opens the database before the first tick.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getEnv } = await import('./lib/env');
  if (!getEnv().SMTP_URL) return;
  const { deliverOutbox } = await import('./lib/mail/deliver-outbox');
  const tick = () =>
    deliverOutbox().catch((error) => {
      console.error('Email outbox delivery failed:', error);
    });
  setInterval(tick, 30_000).unref();
}

/**
 * Next calls this for every request that failed on the server. If the cause is
 * that the database is away, the instance marks it, and proxy.ts answers pages
 * with 503 and Retry-After until a probe finds the database back
 * (db/outage-watch.ts). Not awaited: the failed answer is not held up by the probe.
 */
export const onRequestError: Instrumentation.onRequestError = async () => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { noteServerError } = await import('./db/outage-watch');
  void noteServerError().catch(() => {});
};
