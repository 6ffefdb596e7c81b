import { z } from 'zod';
import { locales } from '../locales';
import { domainParts, sectionKeys } from '../profile';
import { holdsNul } from '../plain-text';
import { jurisdictionLevels } from '../roles';

/** Longest query: enough for a sentence in quotes, short enough that no query is costly. */
export const MAX_QUERY_LENGTH = 200;
export const SEARCH_PAGE_SIZE = 20;
/** Deeper pages help nobody: 500 passages (also the most a search reads, capped-counts.ts), then refine the query. */
export const MAX_SEARCH_PAGE = 25;

export const searchFilterKeys = ['country', 'level', 'domain', 'part', 'lang', 'year'] as const;
export type SearchFilterKey = (typeof searchFilterKeys)[number];

/**
 * The passage search's parameters, for GET /api/v1/search and the /search
 * page (the same names). Messages are plain English for the API; the page
 * names the field in its own language (searchErrorKey).
 */
export const searchQuerySchema = z.object({
  q: z
    .string({ error: 'q is required: the words to find' })
    .trim()
    .min(1, 'q is required: the words to find')
    .max(MAX_QUERY_LENGTH, `q is longer than ${MAX_QUERY_LENGTH} characters`)
    .refine((v) => !holdsNul(v), 'q holds the character U+0000 (NUL)')
    .describe('The words to find. "Quoted words" must appear together, -word excludes a word, "or" between words finds either. Accents and case are ignored; words are stemmed in the language of each passage.'),
  country: z
    .string()
    .max(100, 'country is longer than 100 characters')
    .refine((v) => !holdsNul(v), 'country holds the character U+0000 (NUL)')
    .optional()
    .describe('Country of the jurisdiction (ISO 3166-1 alpha-2 code, e.g. "EC").'),
  level: z.enum(jurisdictionLevels, { error: `level must be one of ${jurisdictionLevels.join(', ')}` }).optional(),
  domain: z.enum(sectionKeys, { error: `domain must be one of ${sectionKeys.join(', ')}` }).optional().describe('A domain, or "introduction".'),
  part: z.enum(domainParts, { error: 'part must be strengths (well developed) or potential' }).optional(),
  lang: z.enum(locales, { error: `lang must be one of ${locales.join(', ')}` }).optional().describe('Content language of the passages.'),
  year: z.coerce.number({ error: 'year must be a year, e.g. 2024' }).int('year must be a year, e.g. 2024').min(1900, 'year must be a year, e.g. 2024').max(9999, 'year must be a year, e.g. 2024').optional().describe('Year of the edition; drafts have none.'),
  page: z.coerce.number({ error: 'page must be a number' }).int('page must be a whole number').min(1, 'page starts at 1').max(MAX_SEARCH_PAGE, `page goes up to ${MAX_SEARCH_PAGE}`).default(1),
});

export type SearchQuery = z.output<typeof searchQuerySchema>;

export type SearchParse = { ok: true; query: SearchQuery } | { ok: false; field: string; message: string };

/**
 * Reads the parameters of a URL. Empty values are absent (a GET form sends its
 * blank fields); a parameter given twice is refused rather than guessed at.
 */
export function parseSearchParams(params: URLSearchParams): SearchParse {
  const raw: Record<string, string> = {};
  for (const key of ['q', ...searchFilterKeys, 'page']) {
    const values = params.getAll(key);
    if (values.length > 1) return { ok: false, field: key, message: `${key} is given ${values.length} times; give it once` };
    if (values[0] !== undefined && values[0] !== '') raw[key] = values[0];
  }
  const parsed = searchQuerySchema.safeParse(raw);
  if (parsed.success) return { ok: true, query: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, field: String(issue.path[0] ?? 'q'), message: issue.message };
}

/** The search's parameters as a query string (page left out when 1), for links between pages and facets. */
export function searchHref(base: string, query: Partial<SearchQuery> & { q?: string }): string {
  const params = new URLSearchParams();
  for (const key of ['q', ...searchFilterKeys] as const) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

/** Splits a headline marked by the database (START/STOP) into plain runs and matched runs, never HTML. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_STOP = '\u0003';

export function highlightSegments(headline: string): Array<{ text: string; match: boolean }> {
  const out: Array<{ text: string; match: boolean }> = [];
  for (const [i, piece] of headline.split(HIGHLIGHT_START).entries()) {
    if (i === 0) {
      if (piece) out.push({ text: piece, match: false });
      continue;
    }
    const stop = piece.indexOf(HIGHLIGHT_STOP);
    const matched = stop < 0 ? piece : piece.slice(0, stop);
    const rest = stop < 0 ? '' : piece.slice(stop + 1).split(HIGHLIGHT_STOP).join('');
    if (matched) out.push({ text: matched, match: true });
    if (rest) out.push({ text: rest, match: false });
  }
  return out;
}
