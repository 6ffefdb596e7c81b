'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  grantRole,
  inviteUser,
  resendPasswordLink,
  revokeRole,
  setUserActive,
  setUserAdmin,
} from '../data/users';
import { inviteUserSchema, roleChangeSchema } from '../domain/admin-schemas';
import { actionWithActor } from './safe-action';

// With email configured the link is never returned (lib/data/users.ts): `link` is then null.
export const inviteUserAction = actionWithActor(inviteUserSchema, async (input, actor, t) => {
  const { user, link, emailed } = await inviteUser(actor, input);
  revalidatePath('/admin/users');
  return {
    ok: true,
    message: t(emailed ? 'admin.users.invitedEmailed' : 'admin.users.invited', { email: user.email }),
    data: { link, userId: user.id },
  };
});

export const resendLinkAction = actionWithActor(z.object({ userId: z.uuid() }), async ({ userId }, actor, t) => {
  const { link, emailed } = await resendPasswordLink(actor, userId);
  return { ok: true, message: t(emailed ? 'admin.users.linkEmailed' : 'admin.users.linkReady'), data: { link } };
});

const flagSchema = z.object({ userId: z.uuid(), value: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const setActiveAction = actionWithActor(flagSchema, async ({ userId, value }, actor, t) => {
  await setUserActive(actor, userId, value);
  revalidatePath('/admin/users');
  return { ok: true, message: t(value ? 'admin.users.reactivated' : 'admin.users.deactivated') };
});

export const setAdminAction = actionWithActor(flagSchema, async ({ userId, value }, actor, t) => {
  await setUserAdmin(actor, userId, value);
  revalidatePath('/admin/users');
  return { ok: true, message: t('admin.users.rolesSaved') };
});

export const grantRoleAction = actionWithActor(roleChangeSchema, async (input, actor, t) => {
  await grantRole(actor, input);
  revalidatePath('/admin/users');
  return { ok: true, message: t('admin.users.rolesSaved') };
});

export const revokeRoleAction = actionWithActor(roleChangeSchema, async (input, actor, t) => {
  await revokeRole(actor, input);
  revalidatePath('/admin/users');
  return { ok: true, message: t('admin.users.rolesSaved') };
});
