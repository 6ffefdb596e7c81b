import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '../../db/client';
import { emailOutbox, loginThrottle } from '../../db/schema';
import { MAX_SET_PASSWORD_FAILURES } from '../../lib/data/login-throttle';
import { consumePasswordToken } from '../../lib/data/password-tokens';
import * as passwords from '../../lib/data/passwords';
import { inviteUser } from '../../lib/data/users';
import { deliverOutbox } from '../../lib/mail/deliver-outbox';
import { seedUser } from '../support/seed';
import { targets, freshDatabasePerSuite } from '../support/test-db';

// Counting hashes: the real function, watched.
vi.mock('../../lib/data/passwords', async (original) => {
  const real = await original<typeof import('../../lib/data/passwords')>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe.each(targets)('setting a password through a link on %s', (target) => {
  freshDatabasePerSuite(target);

  it('checks the link before hashing: a made-up one costs no hash', async () => {
    const hash = vi.mocked(passwords.hashPassword);
    hash.mockClear();
    await expect(consumePasswordToken('pw_made-up', 'a long enough password', '192.0.2.10')).rejects.toMatchObject({ code: 'link_invalid' });
    expect(hash).not.toHaveBeenCalled();
    const { actor: admin } = await seedUser({ isAdmin: true });
    const { link } = await inviteUser(admin, { email: 'hash.once@example.org', name: 'Hash Once', isAdmin: false });
    hash.mockClear();
    await consumePasswordToken(tokenOf(link!), 'a long enough password', '192.0.2.10');
    expect(hash).toHaveBeenCalledTimes(1);
  });

  it('a confidential email (one holding a link) keeps no body once sent', async () => {
    const db = await getDb();
    await db.delete(emailOutbox);
    await db.insert(emailOutbox).values([
      { toEmail: 'link@example.org', subject: 'Link', body: 'https://studio.example/set-password?token=pw_x', confidential: true },
      { toEmail: 'plain@example.org', subject: 'Plain', body: 'A profile awaits you' },
    ]);
    const sent: string[] = [];
    expect(await deliverOutbox(async (m) => (sent.push(m.text), true))).toEqual({ sent: 2, failed: 0 });
    expect(sent).toContain('https://studio.example/set-password?token=pw_x');
    const rows = await db.select({ to: emailOutbox.toEmail, body: emailOutbox.body }).from(emailOutbox).orderBy(emailOutbox.toEmail);
    expect(rows).toEqual([
      { to: 'link@example.org', body: '' },
      { to: 'plain@example.org', body: 'A profile awaits you' },
    ]);
  });

  it('throttles an address after repeated bad links, even for a good one; other addresses go on', async () => {
    const { actor: admin } = await seedUser({ isAdmin: true });
    const { link } = await inviteUser(admin, { email: 'throttled.link@example.org', name: 'Throttled', isAdmin: false });
    for (let i = 0; i < MAX_SET_PASSWORD_FAILURES; i++) {
      await expect(consumePasswordToken(`pw_guess-${i}`, 'a long enough password', '192.0.2.20')).rejects.toMatchObject({ code: 'link_invalid' });
    }
    await expect(consumePasswordToken(tokenOf(link!), 'a long enough password', '192.0.2.20')).rejects.toMatchObject({ code: 'set_password_throttled', status: 429 });
    expect(await consumePasswordToken(tokenOf(link!), 'a long enough password', '192.0.2.21')).toMatchObject({ email: 'throttled.link@example.org', userId: expect.any(String) });
    // The address it was set from is now the person's own for login throttling.
    const db = await getDb();
    expect(await db.select().from(loginThrottle).where(eq(loginThrottle.key, 'known:throttled.link@example.org|192.0.2.21'))).toHaveLength(1);
  });
});
