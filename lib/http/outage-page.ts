import type { Locale } from '../domain/locales';

/*
 * The page a reader gets while the database is away: from proxy.ts with 503
 * and Retry-After once the instance knows of the outage, and as
 * app/global-error.tsx (status 500, Next's) for the request that found it out.
 * Both show these words. They are kept here, not in messages/, because this
 * page must work when nothing else does: it is plain HTML with no script (it
 * reloads itself with a meta refresh), no style sheet and no i18n runtime.
 */
export const OUTAGE_RETRY_SECONDS = 15;

export const OUTAGE_TEXT: Record<Locale, { title: string; body: string; retry: string }> = {
  en: {
    title: 'MGI Studio is briefly unavailable',
    body: 'The server could not answer right now, most likely because the database cannot be reached. Nothing you saved is lost.',
    retry: `This page tries again by itself every ${OUTAGE_RETRY_SECONDS} seconds.`,
  },
  fr: {
    title: 'MGI Studio est momentanément indisponible',
    body: 'Le serveur ne peut pas répondre pour le moment, sans doute parce que la base de données est injoignable. Rien de ce que vous avez enregistré n’est perdu.',
    retry: `Cette page réessaie toute seule toutes les ${OUTAGE_RETRY_SECONDS} secondes.`,
  },
  es: {
    title: 'MGI Studio no está disponible por un momento',
    body: 'El servidor no puede responder por ahora, probablemente porque no se puede acceder a la base de datos. No se ha perdido nada de lo que guardó.',
    retry: `Esta página vuelve a intentarlo sola cada ${OUTAGE_RETRY_SECONDS} segundos.`,
  },
};

/** The other languages after the reader's own, so that a wrong guess still reads. */
export function outageLanguages(first: Locale): Locale[] {
  return [first, ...(['en', 'fr', 'es'] as const).filter((l) => l !== first)];
}

/** The whole document, in the reader's language first. Only the constant texts above go in: nothing to escape. */
export function outageHtml(first: Locale): string {
  const [main, ...others] = outageLanguages(first);
  const t = OUTAGE_TEXT[main];
  const rest = others.map((l) => `<section lang="${l}"><h2>${OUTAGE_TEXT[l].title}</h2><p>${OUTAGE_TEXT[l].body} ${OUTAGE_TEXT[l].retry}</p></section>`).join('');
  return `<!doctype html><html lang="${main}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="${OUTAGE_RETRY_SECONDS}"><title>${t.title}</title><style>${STYLE}</style></head><body><main><h1>${t.title}</h1><p>${t.body}</p><p>${t.retry}</p>${rest}</main></body></html>`;
}

const STYLE =
  'body{font:17px/1.5 system-ui,sans-serif;color:#1c2430;margin:0;padding:12vh 1.25rem}main{max-width:36rem;margin:0 auto}h1{font-size:1.5rem;line-height:1.25}section{margin-top:1.5rem;padding-top:1rem;border-top:1px solid #d5dae1;color:#4a5563;font-size:.95rem}h2{font-size:1rem;margin:0 0 .25rem}';

/** The 503 answer proxy.ts gives a page request during a known outage (HEAD gets the headers only). */
export function outageResponseInit(): { status: number; headers: Record<string, string> } {
  return {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(OUTAGE_RETRY_SECONDS), 'Cache-Control': 'no-store' },
  };
}
