/**
 * French puts a space before : ; ? ! and » and after «. A plain space there
 * lets a line break between the mark and its word ("Historique de «" at the
 * end of one line, the title on the next); a no-break space keeps them
 * together. Applied to the French interface catalog as it is loaded
 * (i18n/request.ts), so the message files keep ordinary spaces.
 */
const NO_BREAK_SPACE = '\u00a0';

export function keepFrenchMarksAttached(text: string): string {
  return text.replace(/« /g, `«${NO_BREAK_SPACE}`).replace(/ (?=[:;?!»])/g, NO_BREAK_SPACE);
}

type Catalog = { [key: string]: string | Catalog };

/** The same catalog with every message's marks kept attached. */
export function withFrenchSpacing<T extends Catalog>(catalog: T): T {
  return Object.fromEntries(
    Object.entries(catalog).map(([key, value]) => [key, typeof value === 'string' ? keepFrenchMarksAttached(value) : withFrenchSpacing(value)]),
  ) as T;
}

/** A label followed by its colon as the language writes it: "Télécharger :" in French (no-break space), "Download:" elsewhere. */
export function withColon(label: string, language: string): string {
  return language === 'fr' ? `${label}${NO_BREAK_SPACE}:` : `${label}:`;
}
