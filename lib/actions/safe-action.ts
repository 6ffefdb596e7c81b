import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { getActor } from '../auth/current-actor';
import { isRefusal, logRefusal } from '../audit/refusals';
import { DataError } from '../data/errors';
import type { Actor } from '../policy';
import { slotName } from './slot-names';

/** What every form action returns; `useActionState` renders it. */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Echo of what was submitted, so a failed form keeps the person's text. */
  values?: Record<string, string>;
  data?: Record<string, string | boolean | null>;
} | null;

export type Translate = Awaited<ReturnType<typeof getTranslations>>;

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION') || typeof value !== 'string') continue;
    values[key] = value;
  }
  return values;
}

/** What a refused server action was about, for the log: the record it named, if any. */
const actionTarget = (values: Record<string, string>) => `server action${values.id ? ` on ${values.id}` : ''}`;

/** Zod messages are catalog keys (lib/domain/admin-schemas.ts): one message per field. */
export function fieldErrorsOf(t: Translate, error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    fieldErrors[field] ??= t.has(issue.message) ? t(issue.message) : issue.message;
  }
  return fieldErrors;
}

export function describeError(t: Translate, error: DataError, ui: string): string {
  const key = `errors.${error.code}`;
  if (!t.has(key)) return error.message;
  const details = { ...(error.details ?? {}) } as Record<string, string>;
  // Where suggestions are open, by the parts' names rather than their keys ("migrants_rights/strengths (2)").
  if (error.code === 'suggestions_open' && Array.isArray(error.details?.open)) {
    const open = error.details.open as Array<{ section: string; part: string; count: number }>;
    details.where = open.map((o) => `${slotName(t, ui, `${o.section}/${o.part}`)} (${o.count})`).join('; ');
  }
  return t(key, details);
}

/**
 * The only way to define a server action: re-reads the session, parses the form
 * with zod, and turns expected failures into messages. Server actions are public
 * POST endpoints, so none may skip this.
 */
export function actionWithActor<S extends z.ZodType, R extends ActionState>(
  schema: S,
  body: (input: z.infer<S>, actor: Actor, t: Translate) => Promise<R>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const t = await getTranslations();
    const values = formValues(formData);
    const actor = await getActor();
    if (!actor) {
      logRefusal({ via: 'action', actor, what: actionTarget(values), code: 'session_expired', status: 401 });
      return { ok: false, message: t('errors.session_expired'), values };
    }
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      return { ok: false, message: t('errors.check_fields'), fieldErrors: fieldErrorsOf(t, parsed.error), values };
    }
    try {
      return await body(parsed.data, actor, t);
    } catch (error) {
      if (error instanceof DataError) {
        if (isRefusal(error.status)) logRefusal({ via: 'action', actor, what: actionTarget(values), code: error.code, status: error.status });
        const message = describeError(t, error, await getLocale());
        const field = typeof error.details?.field === 'string' ? error.details.field : undefined;
        return { ok: false, message, fieldErrors: field ? { [field]: message } : undefined, values };
      }
      throw error;
    }
  };
}
