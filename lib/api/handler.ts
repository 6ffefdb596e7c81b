import 'server-only';
import { NextResponse } from 'next/server';
import { getActor } from '../auth/current-actor';
import { DataError } from '../data/errors';
import type { Actor } from '../policy';

export function apiError(status: number, code: string, message: string, details?: Record<string, unknown>) {
  return NextResponse.json({ error: { code, message, ...(details ? { details } : {}) } }, { status });
}

/**
 * Wraps an API route handler: authenticates (bearer token or session), and maps
 * data-layer errors to JSON. Each handler still scopes its data by the actor.
 */
export function withApiActor<C>(body: (request: Request, actor: Actor, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    const actor = await getActor();
    if (!actor) {
      return apiError(401, 'unauthenticated', 'Log in, or send Authorization: Bearer <token>.');
    }
    try {
      return await body(request, actor, context);
    } catch (error) {
      if (error instanceof DataError) return apiError(error.status, error.code, error.message, error.details);
      throw error;
    }
  };
}
