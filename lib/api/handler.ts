import 'server-only';
import { NextResponse } from 'next/server';
import { getActor } from '../auth/current-actor';
import { isRefusal, logRefusal } from '../audit/refusals';
import { DataError } from '../data/errors';
import type { Actor } from '../policy';

export function apiError(status: number, code: string, message: string, details?: Record<string, unknown>) {
  return NextResponse.json({ error: { code, message, ...(details ? { details } : {}) } }, { status });
}

/**
 * Browsers send session cookies along with cross-site requests; a request that
 * changes data with a cookie must therefore come from our own pages. Token
 * requests carry their credential explicitly and need no such check.
 */
function sameOriginOrToken(request: Request, actor: Actor): boolean {
  if (actor.via === 'token' || request.method === 'GET' || request.method === 'HEAD') return true;
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host) return request.headers.get('sec-fetch-site') === 'same-origin';
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Wraps an API route handler: authenticates (bearer token or session), and maps
 * data-layer errors to JSON. Each handler still scopes its data by the actor.
 */
export function withApiActor<C>(body: (request: Request, actor: Actor, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => privateAnswer(await answer(request, context));
  async function answer(request: Request, context: C): Promise<Response> {
    const actor = await getActor();
    const what = `${request.method} ${new URL(request.url).pathname}`;
    if (!actor) {
      logRefusal({ via: 'api', actor, what, code: 'unauthenticated', status: 401 });
      return apiError(401, 'unauthenticated', 'Log in, or send Authorization: Bearer <token>.');
    }
    if (!sameOriginOrToken(request, actor)) {
      logRefusal({ via: 'api', actor, what, code: 'cross_origin', status: 403 });
      return apiError(403, 'cross_origin', 'Requests that change data must come from this site or carry an API token.');
    }
    try {
      const response = await body(request, actor, context);
      if (isRefusal(response.status)) logRefusal({ via: 'api', actor, what, code: 'refused', status: response.status });
      return response;
    } catch (error) {
      if (error instanceof DataError) {
        if (isRefusal(error.status)) logRefusal({ via: 'api', actor, what, code: error.code, status: error.status });
        return apiError(error.status, error.code, error.message, error.details);
      }
      throw error;
    }
  }
}

/**
 * What the API says to someone depends on who asks: no shared cache may keep
 * it, and the browser must not keep it either (a shared computer, a logout).
 */
function privateAnswer(response: Response): Response {
  response.headers.set('cache-control', 'private, no-store');
  return response;
}
