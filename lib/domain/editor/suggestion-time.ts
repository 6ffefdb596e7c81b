/** Who reads a time: their interface language and time zone (undefined: the browser's own). */
export interface Reader {
  locale?: string;
  timeZone?: string;
}

/**
 * When a suggestion was made, as its reader reads it: in a page, in the
 * interface language (the page's `lang`, not the browser's) and the browser's
 * time zone, so that the suggestion list and the hover text of a suggestion in
 * the text agree. Rendered on the server (a stored part shown until its live
 * text arrives) neither is known: the time in UTC, saying so. null for no
 * time, or one that cannot be read.
 */
export function suggestionTime(at: string | null | undefined, reader: Reader | undefined = pageReader()): string | null {
  const when = at ? new Date(at) : null;
  if (!when || Number.isNaN(when.getTime())) return null;
  if (!reader) return `${when.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return when.toLocaleString(reader.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: reader.timeZone });
}

/** The page's reader, or none outside a page. */
function pageReader(): Reader | undefined {
  return typeof document === 'undefined' ? undefined : { locale: document.documentElement.lang || undefined };
}
