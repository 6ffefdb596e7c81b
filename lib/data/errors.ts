/**
 * Errors the data layer throws on purpose. Each carries a stable `code` that
 * the UI translates and the API returns, and an English message for logs/API.
 */
export class DataError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Used for both "does not exist" and "not yours to see": callers cannot tell them apart. */
export class NotFoundError extends DataError {
  constructor(what = 'resource') {
    super('not_found', `No such ${what}.`, 404);
  }
}

export class ForbiddenError extends DataError {
  constructor(message = 'You are not allowed to do this.', code = 'forbidden') {
    super(code, message, 403);
  }
}

export class ConflictError extends DataError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 409, details);
  }
}

export class InvalidInputError extends DataError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 400, details);
  }
}

/** PostgreSQL unique_violation, as raised by both PGlite and postgres.js. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };
  if (e?.code === '23505') {
    const name = e.constraint ?? e.constraint_name;
    return !constraint || !name || name === constraint;
  }
  return e?.cause ? isUniqueViolation(e.cause, constraint) : false;
}

/** Turns a policy verdict into the error the caller sees (see lib/policy/assessment.ts). */
export function verdictError(verdict: 'hidden' | 'denied' | 'wrong_state', state?: string): DataError {
  switch (verdict) {
    case 'hidden':
      return new NotFoundError('profile');
    case 'denied':
      return new ForbiddenError();
    case 'wrong_state':
      return new ConflictError('wrong_state', `The profile is ${state ?? 'no longer a draft'}; its text can no longer change.`, {
        state,
      });
  }
}
