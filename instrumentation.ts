import type { Instrumentation } from 'next';

/**
 * Runs once when a server instance starts: a loop that, every 30 seconds,
 * writes the digest emails that are due into the outbox and, when SMTP is
 * configured, sends the outbox. Every instance may run it (digests and emails
 * are claimed with SKIP LOCKED). Nothing opens the database before the first tick.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getEnv } = await import('./lib/env');
  const { sendDueDigests } = await import('./lib/mail/send-digests');
  const { deliverOutbox } = await import('./lib/mail/deliver-outbox');
  const tick = async () => {
    // Digests first, so one that falls due goes out in the same round. Without SMTP it waits in the outbox.
    await sendDueDigests().catch((error) => console.error('Digest emails failed:', error));
    if (getEnv().SMTP_URL) await deliverOutbox().catch((error) => console.error('Email outbox delivery failed:', error));
  };
  setInterval(() => void tick(), 30_000).unref();
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
