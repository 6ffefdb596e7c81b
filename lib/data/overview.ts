import 'server-only';
import { count } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { jurisdictions, users } from '../../db/schema';
import type { Actor } from '../policy';
import { assertCan } from './guards';

export async function countAdminOverview(actor: Actor) {
  assertCan(actor, 'view_admin');
  const db = await getDb();
  const [[u], [j]] = await Promise.all([
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(jurisdictions),
  ]);
  return { users: u.n, jurisdictions: j.n };
}
