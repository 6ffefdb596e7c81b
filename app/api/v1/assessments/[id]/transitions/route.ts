import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiError, withApiActor } from '@/lib/api/handler';
import { readJson } from '@/lib/api/read-json';
import { runTransition } from '@/lib/data/workflow';
import { transitionBody } from '@/lib/domain/api-schemas';
import { refreshPublicPages } from '@/lib/editions/refresh-public-pages';

export const dynamic = 'force-dynamic';

/** Moves a profile along the workflow: 409 when its state moved on, 404 without a role, 403 without this right. */
export const POST = withApiActor(async (request, actor, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return apiError(404, 'not_found', 'No such profile.');
  const { action, note } = await readJson(request, transitionBody);
  const row = await runTransition(actor, id, action, note ?? null);
  if (action === 'publish') refreshPublicPages();
  return NextResponse.json({ state: row.toState, transition: { action: row.action, from: row.fromState, to: row.toState, note: row.note, at: row.createdAt } });
});
