import { NextResponse } from 'next/server';
import { withApiActor } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

/** The authenticated user and their roles. */
export const GET = withApiActor(async (_request, actor) =>
  NextResponse.json({
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    isAdmin: actor.isAdmin,
    roles: actor.memberships.map((m) => ({ jurisdiction: m.slug, role: m.role })),
  }),
);
