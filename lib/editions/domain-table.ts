import type { DomainColumn } from '../data/domain-comparison';
import { countryName } from '../domain/countries';
import { editionHref, editionLabel } from '../domain/edition-label';
import { findingsOf } from '../domain/findings-text';
import { domainParts, partHeadings, type DomainPart } from '../domain/profile';
import type { Locale } from '../domain/locales';
import type { JurisdictionLevel } from '../domain/roles';

export interface DomainTableLabels {
  headers: [jurisdiction: string, country: string, level: string, edition: string, language: string, title: string, part: string, finding: string, address: string];
  levels: Record<JurisdictionLevel, string>;
  languages: Record<Locale, string>;
}

/**
 * One domain across jurisdictions as a table: a header row, then one row per
 * finding (bullet), so that a spreadsheet can filter and sort them. Names,
 * labels and part names are in the reader's interface language; the findings
 * stay in the profile's own. Each row carries the edition's public address.
 */
export function domainTableRows(columns: readonly DomainColumn[], ui: Locale, labels: DomainTableLabels, appUrl: string): string[][] {
  const base = appUrl.replace(/\/+$/, '');
  const rows: string[][] = [labels.headers];
  for (const c of columns) {
    // Once per column, not per finding: `Intl` labels and names cost more than the rest of a row.
    const cells = [c.name, countryName(c.country, ui), labels.levels[c.level] ?? c.level, editionLabel(c.year, c.month, ui), labels.languages[c.language] ?? c.language, c.title];
    const address = base + editionHref(c.slug, c);
    for (const part of domainParts) {
      const heading = partHeadings[part][ui];
      for (const finding of findingsOf(c[part as DomainPart])) rows.push([...cells, heading, finding, address]);
    }
  }
  return rows;
}
