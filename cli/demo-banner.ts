import en from '../messages/en.json';
import type { JurisdictionRole as Role } from '../lib/domain/roles';

interface DemoAccount {
  email: string;
  isAdmin: boolean;
  roles: ReadonlyArray<{ slug: string; role: Role }>;
}

const and = new Intl.ListFormat('en', { type: 'conjunction' });

/**
 * What `npm run demo` prints for an account: its roles as the app names them
 * (messages/en.json, like the rest of the terminal's text), not the keys stored
 * in the database ("Focal point on lima", not "focal_point on lima").
 */
export function describeDemoRoles(account: DemoAccount): string {
  if (account.isAdmin) return 'Global admin';
  const byRole = new Map<Role, string[]>();
  for (const { slug, role } of account.roles) byRole.set(role, [...(byRole.get(role) ?? []), slug]);
  return [...byRole].map(([role, slugs]) => `${en.roles[role]} on ${and.format(slugs)}`).join('; ');
}

/** The accounts to log in with, one a line. */
export function demoAccountLines(accounts: readonly DemoAccount[]): string[] {
  return accounts.map((a) => `  ${a.email.padEnd(28)} ${describeDemoRoles(a)}`);
}
