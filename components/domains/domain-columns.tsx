import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { countryName } from '@/lib/domain/countries';
import { editionHref, editionLabel } from '@/lib/domain/edition-label';
import { domainParts, partHeadings } from '@/lib/domain/profile';
import type { Locale } from '@/lib/domain/locales';
import type { DomainColumn } from '@/lib/data/domain-comparison';

/** A column as the data layer gives it, its two parts rendered to HTML. */
export type RenderedDomainColumn = Omit<DomainColumn, 'strengths' | 'potential'> & { strengths: string; potential: string };

/**
 * One domain's two parts, one column per jurisdiction: side by side on a wide
 * screen (scrolling sideways when there are many: the region takes the focus,
 * so arrow keys scroll it), one after another on a phone (globals.css). Each
 * column is headed by the jurisdiction and its edition's label in the reader's
 * language; the findings and their headings are in the profile's own.
 */
export async function DomainColumns({ columns, ui }: { columns: RenderedDomainColumn[]; ui: Locale }) {
  const t = await getTranslations('domains');
  const levels = await getTranslations('levels');
  return (
    <section className="domain-columns" aria-label={t('columns')} tabIndex={0} data-testid="domain-columns">
      {columns.map((c) => (
        <article key={c.slug} className="domain-column" aria-labelledby={`col-${c.slug}`} data-testid={`column-${c.slug}`}>
          <header className="domain-column__header">
            <h2 id={`col-${c.slug}`} className="domain-column__name">
              <Link href={editionHref(c.slug, c)}>{c.name}</Link>
            </h2>
            <p className="muted small">
              {levels(c.level)} · {countryName(c.country, ui)}
            </p>
            <p>
              <span className="badge" data-testid="column-label">
                {editionLabel(c.year, c.month, ui)}
              </span>
            </p>
          </header>
          <div lang={c.language}>
            {domainParts.map((part) => (
              <div key={part} className="domain-column__part" data-testid={`${c.slug}-${part}`}>
                <h3>{partHeadings[part][c.language]}</h3>
                {c[part] ? (
                  <div className="rendered-part" dangerouslySetInnerHTML={{ __html: c[part] }} />
                ) : (
                  <p className="muted small" lang={ui}>
                    {t('nothingListed')}
                  </p>
                )}
              </div>
            ))}
          </div>
        </article>
      ))}
    </section>
  );
}
