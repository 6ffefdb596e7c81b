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
