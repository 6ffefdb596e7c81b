import type { ReactNode } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { EditionView } from '@/lib/data/editions';
import { editionLabel } from '@/lib/domain/edition';
import { domainKeys, domainName, domainParts, partHeadings, type DomainKey } from '@/lib/domain/profile';
import type { RenderedEdition } from '@/lib/editions/rendered-edition';
import { DomainWheel } from './domain-wheel';
import { withColon } from '@/lib/domain/french-spacing';

/**
 * An edition as the portal shows it: title, label, introduction, the wheel,
 * and each domain's two lists under their headings. Headings that belong to
 * the profile are in its content language; the label follows the reader's.
 * `afterDomain` adds something under each domain (the public page's "compare
 * this domain with…"), in the reader's language.
 */
export async function EditionArticle({
  edition,
  rendered,
  uiLocale,
  afterDomain,
}: {
  edition: EditionView;
  rendered: RenderedEdition;
  uiLocale: string;
  afterDomain?: (domain: DomainKey) => ReactNode;
}) {
  const t = await getTranslations('public');
  const format = await getFormatter();
  const lang = edition.language;
  const s = edition.signOff;
  return (
    <article className="edition" lang={lang}>
      <header className="edition__header">
        <p className="edition__label" lang={uiLocale} data-testid="edition-label">
          {editionLabel(edition.year, edition.month, uiLocale)}
        </p>
        <h1 className="edition__title">{edition.title}</h1>
      </header>
      <section aria-labelledby="edition-intro" className="edition__intro">
        <h2 id="edition-intro" className="edition__kicker" lang={uiLocale}>
          {t('keyFindings')} · {t('introduction')}
        </h2>
        <div className="rendered-part" dangerouslySetInnerHTML={{ __html: rendered.introduction }} />
      </section>
      <DomainWheel language={lang} label={t('wheel')} center="MGI" />
      {domainKeys.map((key) => (
        <section key={key} id={`domain-${key}`} className="edition__domain" aria-labelledby={`domain-${key}-title`} tabIndex={-1}>
          <p className="edition__kicker" lang={uiLocale}>
            {t('keyFindings')}
          </p>
          <h2 id={`domain-${key}-title`} className="edition__domain-title">
            {domainName(key, lang)}
          </h2>
          {domainParts.map((part) => (
            <div key={part} className="edition__part" data-testid={`findings-${key}-${part}`}>
              <h3>{withColon(partHeadings[part][lang], lang)}</h3>
              <div className="rendered-part" dangerouslySetInnerHTML={{ __html: rendered.domains[key]?.[part] ?? '' }} />
            </div>
          ))}
          {afterDomain && <div lang={uiLocale}>{afterDomain(key)}</div>}
        </section>
      ))}
      <footer className="edition__footer muted small" lang={uiLocale}>
        <p>
          {t('published', { date: format.dateTime(edition.publishedAt, { dateStyle: 'long' }) })}{' '}
          {s.importedFrom
            ? t('importedFrom', { file: s.importedFrom })
            : t('signOff', { submittedBy: s.submittedBy ?? '—', approvedBy: s.approvedBy ?? '—', publishedBy: s.publishedBy ?? '—' })}{' '}
          {!s.importedFrom && t('resolvedComments', { n: s.resolvedComments })}
        </p>
        {!s.importedFrom && s.suggestions && s.suggestions.length > 0 && (
          <div data-testid="signoff-suggestions">
            <p style={{ margin: '0.5rem 0 0' }}>{t('suggestionsTitle')}</p>
            <ul className="list-plain">
              {s.suggestions.map((x) => (
                <li key={x.section}>
                  {t('suggestionsDecided', {
                    section: x.section === 'introduction' ? t('introduction') : domainName(x.section as DomainKey, uiLocale),
                    accepted: x.accepted,
                    rejected: x.rejected,
                    names: format.list(x.decidedBy.length > 0 ? x.decidedBy : ['—']),
                  })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </footer>
    </article>
  );
}
