import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, stopAppServer } from '../../bench/app-server';
import { getDb } from '../../db/client';
import { assessments, emailOutbox, jurisdictions, memberships, notifications, users } from '../../db/schema';
import { loadActor } from '../../lib/data/actor';
import { unsafeCreateApiToken } from '../../lib/data/api-tokens';
import { startAssessment } from '../../lib/data/assessments';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { savePart } from '../../lib/data/parts';
import { inviteUser } from '../../lib/data/users';
import { submitForReview } from '../../lib/data/workflow';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import { seedUser } from '../support/seed';
import { AUTH_SECRET, freePort, freshSeededDatabase } from './support';

/*
 * Sign-in and accounts over the wire (issue 12), against production servers on
 * a fresh PostgreSQL database: one behind a "proxy" (TRUSTED_PROXIES names
 * 127.0.0.1, so X-Forwarded-For poses as distinct clients) with email
 * configured, and one taking clients directly, without email.
 */

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const PASSWORD = 'demo-password-2024';

async function userId(email: string) {
  const [u] = await (await getDb()).select({ id: users.id }).from(users).where(eq(users.email, email));
  return u.id;
}
const actorOf = async (email: string) => (await loadActor(await userId(email), 'token'))!;

describe.skipIf(!process.env.DATABASE_URL)('sign-in and accounts', () => {
  let db: Awaited<ReturnType<typeof freshSeededDatabase>>;
  let proxied = '';
  let direct = '';
  const apps: ChildProcess[] = [];

  beforeAll(async () => {
    db = await freshSeededDatabase();
    const [p1, p2] = [await freePort(), await freePort()];
    proxied = `http://localhost:${p1}`;
    direct = `http://localhost:${p2}`;
    // Email "configured" towards a closed port: emails wait in the outbox, which is what we read.
    apps.push(await startAppServer(p1, { DATABASE_URL: db.url, AUTH_SECRET, TRUSTED_PROXIES: '127.0.0.1,::1', SMTP_URL: 'smtp://127.0.0.1:9' }));
    apps.push(await startAppServer(p2, { DATABASE_URL: db.url, AUTH_SECRET }));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(apps.map(stopAppServer));
    await db.drop();
  });

  /** next-auth's credentials endpoint, as a client at `from` (X-Forwarded-For, believed only behind the proxy). */
  async function login(origin: string, email: string, password: string, from?: string) {
    const xff: Record<string, string> = from ? { 'x-forwarded-for': from } : {};
    const csrf = await fetch(`${origin}/api/auth/csrf`, { headers: xff });
    const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const r = await fetch(`${origin}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; '), ...xff },
      body: new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: '/' }),
    });
    const session = r.headers.getSetCookie().map((c) => c.split(';')[0]).filter((c) => c.includes('session-token'));
    const location = decodeURIComponent(r.headers.get('location') ?? ((await r.json().catch(() => ({}))) as { url?: string }).url ?? '');
    return { ok: session.length > 0, throttled: /throttled:\d+/.test(location), cookie: [...jar, ...session].join('; ') };
  }

  /** A server action over raw HTTP, encoded as React encodes (previousState, formData). */
  async function action(origin: string, name: string, fields: Record<string, string>, cookie?: string, extra: Record<string, string> = {}) {
    const manifest = JSON.parse(fs.readFileSync(path.join(process.env.MGI_DIST_DIR || '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
      node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
    };
    const [id, entry] = Object.entries(manifest.node).find(([, v]) => v.exportedName === name)!;
    const page =
      Object.keys(entry.workers)[0]
        .replace(/^app/, '')
        .replace(/\/\([^)]+\)/g, '')
        .replace(/\/page$/, '')
        .replace('[id]', fields.id ?? fields.userId ?? '00000000-0000-4000-8000-000000000000') || '/';
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(`_1_${k}`, v);
    form.set('0', '[null,"$K1"]');
    const r = await fetch(`${origin}${page}`, {
      method: 'POST',
      headers: { ...(cookie ? { cookie } : {}), 'next-action': id, accept: 'text/x-component', origin, ...extra },
      body: form,
      redirect: 'manual',
    });
    return r.text();
  }

  it('a stranger failing from many addresses does not keep the person out of their own address; guessing stays slow', async () => {
    const { user, password } = await seedUser();
    expect((await login(proxied, user.email, password!, '198.51.100.7')).ok).toBe(true);
    for (let i = 0; i < 12; i++) expect((await login(proxied, user.email, `wrong password ${i}`, `203.0.113.${i}`)).ok).toBe(false);
    // The person, from the address they used before, gets in…
    expect((await login(proxied, user.email, password!, '198.51.100.7')).ok).toBe(true);
    // …while a stranger from a new address waits, even holding the right password.
    expect(await login(proxied, user.email, password!, '203.0.113.99')).toMatchObject({ ok: false, throttled: true });
    // And one address gets ten tries at an account, then waits.
    const other = await seedUser();
    for (let i = 0; i < 10; i++) await login(direct, other.user.email, `wrong password ${i}`);
    expect(await login(direct, other.user.email, other.password!)).toMatchObject({ ok: false, throttled: true });
  });

  it('/login sends a signed-in person only to paths on this site, whatever the callbackUrl', async () => {
    const { cookie } = await login(proxied, 'consultant@example.org', PASSWORD, '198.51.100.20');
    const hostile = ['/.//evil.example', '/..//evil.example', '/%2e//evil.example', '/%2F%2Fevil.example', '/\t/evil.example', '//evil.example', '/\\evil.example', 'https://evil.example'];
    for (const callbackUrl of hostile) {
      const r = await fetch(`${proxied}/login?callbackUrl=${encodeURIComponent(callbackUrl)}`, { headers: { cookie }, redirect: 'manual' });
      const location = r.headers.get('location') ?? '';
      expect([303, 307, 308], callbackUrl).toContain(r.status);
      expect(new URL(location, proxied).origin, `${callbackUrl} → ${location}`).toBe(proxied);
      expect(location, callbackUrl).not.toMatch(/^[/\\]{2}|^\/[/\\]|evil/i);
    }
    const fine = await fetch(`${proxied}/login?callbackUrl=${encodeURIComponent('/admin/users')}`, { headers: { cookie }, redirect: 'manual' });
    expect(fine.headers.get('location')).toMatch(/\/admin\/users$/);
  });

  it('editing the title counts as editing the round: whoever changed it cannot approve', async () => {
    const dbh = await getDb();
    const [j] = await dbh.insert(jurisdictions).values({ slug: 'title-test', name: 'Title Test', level: 'municipality', country: 'Perú' }).returning();
    const both = await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }, { jurisdictionId: j.id, role: 'focal_point' }] });
    await dbh.insert(memberships).values({ userId: await userId('consultant@example.org'), jurisdictionId: j.id, role: 'consultant' });
    const consultant = await actorOf('consultant@example.org');
    const { id } = await startAssessment(consultant, { jurisdiction: 'title-test', language: 'en' });
    for (const slot of profileSlots) await savePart(consultant, { assessmentId: id, ...slot }, { doc: doc(`Text of ${slot.section}.`), baseRevision: 0 });
    const { cookie } = await login(proxied, both.user.email, both.password!, '198.51.100.30');
    expect(await action(proxied, 'updateTitleAction', { id, title: 'A title of my own' }, cookie)).toContain('"ok":true');
    await submitForReview(consultant, id);
    const bothActor = await actorOf(both.user.email);
    for (const d of domainKeys) await reviewDomain(bothActor, id, d, 'accept', null);
    const token = (await unsafeCreateApiToken(both.user.email, 'title')).token;
    const approve = await fetch(`${proxied}/api/v1/assessments/${id}/transitions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'approve' }),
    });
    expect(approve.status).toBe(403);
    expect(await approve.text()).toMatch(/edited/);
    expect((await dbh.select({ s: assessments.state }).from(assessments).where(eq(assessments.id, id)))[0].s).toBe('in_review');
  });

  it('deactivating revokes API tokens and pending password links; reactivating brings neither back', async () => {
    const admin = await login(proxied, 'admin@example.org', PASSWORD, '198.51.100.40');
    const person = await seedUser();
    const token = (await unsafeCreateApiToken(person.user.email, 'before')).token;
    const me = () => fetch(`${proxied}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect(await me()).toBe(200);
    // A pending link, issued the way an admin does without email.
    const invited = await inviteUser(await actorOf('admin@example.org'), { email: 'pending.link@example.org', name: 'Pending Link', isAdmin: false });
    const link = invited.link!;
    for (const u of [person.user.id, invited.user.id]) {
      expect(await action(proxied, 'setActiveAction', { userId: u, value: 'false' }, admin.cookie)).toContain('"ok":true');
      expect(await action(proxied, 'setActiveAction', { userId: u, value: 'true' }, admin.cookie)).toContain('"ok":true');
    }
    expect(await me()).toBe(401);
    const page = await (await fetch(link.replace(/^https?:\/\/[^/]+/, proxied))).text();
    expect(page).toContain('This link has expired or was already used');
  });

  it('set-password is throttled per address', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 25; i++) {
      answers.push(await action(proxied, 'setPasswordAction', { token: `pw_not-a-real-token-${i}`, password: 'a long enough password', confirm: 'a long enough password' }, undefined, { 'x-forwarded-for': '198.51.100.50' }));
    }
    expect(answers[0]).toContain('This link has expired or was already used');
    expect(answers.at(-1)).toMatch(/Too many attempts/);
    // Another address is not held back.
    const other = await action(proxied, 'setPasswordAction', { token: 'pw_not-a-real-token', password: 'a long enough password', confirm: 'a long enough password' }, undefined, { 'x-forwarded-for': '198.51.100.51' });
    expect(other).toContain('This link has expired or was already used');
  });

  it('with email configured, invitation and reset links are emailed in the person’s language and never shown to the admin', async () => {
    const admin = await login(proxied, 'admin@example.org', PASSWORD, '198.51.100.60');
    const invite = await action(proxied, 'inviteUserAction', { email: 'new.person@example.org', name: 'New Person' }, admin.cookie);
    expect(invite).toContain('"ok":true');
    expect(invite).not.toContain('set-password?token=');
    const dbh = await getDb();
    const [mail] = await dbh.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'new.person@example.org'));
    expect(mail.body).toContain('/set-password?token=');

    // A reset for a consultant who reads French: emailed in French, recorded, and the person told in the app.
    const person = await seedUser();
    await dbh.update(users).set({ locale: 'fr' }).where(eq(users.id, person.user.id));
    const reset = await action(proxied, 'resendLinkAction', { userId: person.user.id }, admin.cookie);
    expect(reset).toContain('"ok":true');
    expect(reset).not.toContain('set-password?token=');
    const [resetMail] = await dbh.select().from(emailOutbox).where(eq(emailOutbox.toEmail, person.user.email));
    expect(resetMail.subject).toMatch(/mot de passe/i);
    expect(resetMail.body).toContain('/set-password?token=');
    const events = await dbh.execute(sql`select kind, actor_id from account_events where user_id = ${person.user.id}`);
    expect(JSON.stringify(events)).toContain('password_link_issued');
    const told = await dbh.select().from(notifications).where(and(eq(notifications.userId, person.user.id), eq(notifications.kind, 'password_reset')));
    expect(told).toHaveLength(1);
    // The outbox page shows admins that the email exists, not the link in it.
    const outbox = await (await fetch(`${proxied}/admin/outbox`, { headers: { cookie: admin.cookie } })).text();
    expect(outbox).not.toContain('set-password?token=');
  });

  it('resetting an admin or a focal point is refused, and nothing is issued', async () => {
    const admin = await login(proxied, 'admin@example.org', PASSWORD, '198.51.100.70');
    const other = await seedUser({ isAdmin: true });
    const dbh = await getDb();
    const count = async () => (await dbh.execute(sql`select count(*)::int as n from password_tokens`)) as unknown;
    const before = JSON.stringify(await count());
    for (const target of [await userId('focal.lima@example.org'), other.user.id]) {
      const answer = await action(proxied, 'resendLinkAction', { userId: target }, admin.cookie);
      expect(answer).toContain('"ok":false');
      expect(answer).toMatch(/command line|ligne de commande/);
    }
    expect(JSON.stringify(await count())).toBe(before);
  });

  it('without email, the admin is shown the link to pass on', async () => {
    const admin = await login(direct, 'admin@example.org', PASSWORD);
    const invite = await action(direct, 'inviteUserAction', { email: 'no.mail@example.org', name: 'No Mail' }, admin.cookie);
    expect(invite).toContain('set-password?token=');
  });

  // Last: it leaves 127.0.0.1 throttled for accounts that never logged in from it.
  it('a client-sent X-Forwarded-For is ignored without a trusted proxy: rotating it does not dodge the address limit', async () => {
    const answers = [];
    for (let i = 0; i < 51; i++) answers.push(await login(direct, `spray-${i}@example.org`, 'guess password', `192.0.2.${i}`));
    expect(answers.at(-1)).toMatchObject({ ok: false, throttled: true });
  });
});
