import 'server-only';
import { NextResponse } from 'next/server';
import { getActor } from '../auth/current-actor';
import { isRefusal, logRefusal } from '../audit/refusals';
import { databaseIsDown } from '../../db/database-probe';
import { DataError } from '../data/errors';
import type { Actor } from '../policy';

export function apiError(status: number, code: string, message: string, details?: Record<string, unknown>) {
  return NextResponse.json({ error: { code, message, ...(details ? { details } : {}) } }, { status });
}

/**
 * Wraps a route handler so that a request that fails because the database is
 * away gets a 503 in the API's error shape, with Retry-After, instead of a 500.
 * The database is asked (a trivial query, one second at most) only after a
 * failure, to tell an outage from a bug; the connection pool reconnects by
 * itself, so the app recovers without a restart.
 */
export function withDatabaseOutage<A extends unknown[]>(body: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await body(...args);
    } catch (error) {
      if (!(error instanceof DataError) && (await databaseIsDown())) {
        const response = apiError(503, 'database_unavailable', 'The database cannot be reached. Nothing was changed; try again in a moment.');
        response.headers.set('Retry-After', '15');
        response.headers.set('Cache-Control', 'no-store');
        return response;
      }
      throw error;
    }
  };
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
  return withDatabaseOutage(async (request: Request, context: C): Promise<Response> => privateAnswer(await answer(request, context)));
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
