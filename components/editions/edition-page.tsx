import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { cachedEditionPage } from '@/lib/editions/public-data';
import { CompareDomainForm } from '@/components/domains/compare-domain-form';
import { domainPeers } from '@/lib/domain/domain-peers';
import { editionLabel, editionSlug } from '@/lib/domain/edition';
import { isLocale, localeNames, type Locale } from '@/lib/domain/locales';
import { languagesByMonth } from '@/lib/domain/edition-languages';
import { CompareForm } from './compare-form';
import { CorrectionNotice } from './correction-notice';
import { EditionArticle } from './edition-article';
import { PrintButton } from './print-button';
import { NotFoundInPlace } from '@/components/errors/not-found-in-place';
import { PublicNotFound } from '@/components/errors/public-not-found';

/**
 * The public page of one edition (or the latest), with every edition of the
 * jurisdiction beside it. `when.version` names one version of a corrected
 * edition; without it the month's newest version is shown. `renderWindow`: the
 * cache window it is rendered for (proxy.ts), which keys its data.
 */
export async function EditionPage({ slug, when, lang, renderWindow }: { slug: string; when: { year: number; month: number; version?: number } | 'latest'; lang?: Locale; renderWindow: number }) {
  const data = await cachedEditionPage(slug, when, lang, renderWindow);
  if (!data) {
    return (
      <NotFoundInPlace>
        <PublicNotFound />
      </NotFoundInPlace>
    );
  }
  const { edition, parts, all, published, versions } = data;
  const format = await getFormatter();
  const sameLanguage = all.filter((e) => e.language === edition.language);
  // Months published only in other languages (a translation's page once said it was the only edition).
  const otherMonths = all.filter((e) => e.language !== edition.language && !sameLanguage.some((s) => s.year === e.year && s.month === e.month));
  const newest = sameLanguage[0];
  const languages = [...new Set(all.map((e) => e.language))];
  // The same edition (month) in other languages: a source and its translations, published together.
  const alsoIn = languagesByMonth(all)({ slug, year: edition.year, month: edition.month }).filter((l) => l !== edition.language);
  const elsewhere = languages.filter((l) => l !== edition.language && !alsoIn.includes(l));
  const t = await getTranslations('public');
  const p = await getTranslations('profiles');
  const d = await getTranslations('domains');
  const locale = await getLocale();
  const ui = isLocale(locale) ? locale : 'en';
  const label = (e: { year: number; month: number }) => editionLabel(e.year, e.month, ui);
  const query = languages.length > 1 ? `?lang=${edition.language}` : '';
  // The month's address unless a version is named on purpose (summaries carry their version too).
  const href = (e: { year: number; month: number }, version?: number) => `/profiles/${slug}/${editionSlug(e.year, e.month, version)}${query}`;
  // Superseded by a newer month; a newer version of the same month is the correction notice's business.
  const sameMonth = (e: { year: number; month: number }) => e.year === edition.year && e.month === edition.month;
  const superseded = newest && !sameMonth(newest);
  // A corrected month's PDF names its version, so that each file stays the same for good.
  const peers = domainPeers(slug, published.rows, undefined, ui);
  const pdfSlug = editionSlug(edition.year, edition.month, versions.length > 1 ? edition.version : undefined);
  return (
    <div className="edition-layout">
      <div className="edition-layout__main stack">
        <p className="breadcrumb no-print">
          <Link href="/profiles">← {t('backToList')}</Link>
        </p>
        {superseded && (
          <p className="notice notice--info" role="note" data-testid="superseded">
            {t('superseded', { label: label(newest) })} <Link href={href(newest)}>{t('readNewest')}</Link>
          </p>
        )}
        {versions.length > 1 && (
          <CorrectionNotice
            edition={edition}
            versions={versions}
            label={label(edition)}
            href={(e) => href(e, e.version)}
            formatDate={(d) => format.dateTime(d, { dateStyle: 'long' })}
          />
        )}
        <div className="edition-tools no-print">
          <PrintButton label={t('print')} />
          <a className="button button--secondary button--small" href={`/profiles/${slug}/${pdfSlug}/pdf?lang=${edition.language}`} download>
            {t('pdf')}
          </a>
          {alsoIn.length > 0 && (
            <span className="small" data-testid="also-in">
              {t('otherLanguages')}{' '}
              {alsoIn.map((l, i) => (
                <span key={l}>
                  {i > 0 && ' · '}
                  <Link href={`/profiles/${slug}/${editionSlug(edition.year, edition.month)}?lang=${l}`} hrefLang={l} lang={l}>
                    {localeNames[l]}
                  </Link>
                </span>
              ))}
            </span>
          )}
          {elsewhere.length > 0 && (
            <span className="small">
              {t('otherLanguages')}{' '}
              {elsewhere
                .map((l) => (
                  <Link key={l} href={`/profiles/${slug}?lang=${l}`} hrefLang={l}>
                    {p(`languages.${l}`)}
                  </Link>
                ))}
            </span>
          )}
        </div>
        <EditionArticle
          edition={edition}
          rendered={parts}
          uiLocale={ui}
          afterDomain={(key) => (
            <CompareDomainForm
              domain={key}
              current={slug}
              peers={peers}
              labels={{ summary: d('compareThis'), help: d('compareHelp'), button: d('compareButton'), all: d('allJurisdictions') }}
            />
          )}
        />
      </div>
      <aside className="edition-layout__aside no-print" aria-labelledby="editions-title">
        <section className="card">
          <h2 id="editions-title">{t('editions')}</h2>
          <ol className="list-plain edition-list" data-testid="edition-list">
            {sameLanguage.map((e) => (
              <li key={e.id}>
                {sameMonth(e) ? <strong aria-current="page">{label(e)}</strong> : <Link href={href(e)}>{label(e)}</Link>}
                {e.version > 1 && <span className="muted small"> ({t('corrected')})</span>}
              </li>
            ))}
          </ol>
          {sameLanguage.length > 1 ? (
            <CompareForm
              slug={slug}
              editions={sameLanguage}
              lang={languages.length > 1 ? edition.language : undefined}
              label={label}
              labels={{ compare: t('compare'), from: t('from'), to: t('to'), compareButton: t('compareButton') }}
            />
          ) : (
            <p className="muted small">{otherMonths.length > 0 ? t('onlyOneInLanguage', { language: p(`languages.${edition.language}`) }) : t('onlyOne')}</p>
          )}
          {otherMonths.length > 0 && (
            <>
              <h3 className="small" id="other-language-editions">
                {t('inOtherLanguages')}
              </h3>
              <ol className="list-plain edition-list" aria-labelledby="other-language-editions" data-testid="other-language-editions">
                {otherMonths.map((e) => (
                  <li key={e.id}>
                    <Link href={`/profiles/${slug}/${editionSlug(e.year, e.month)}?lang=${e.language}`} hrefLang={e.language}>
                      {label(e)}
                    </Link>{' '}
                    <span className="muted small">{p(`languages.${e.language}`)}</span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      </aside>
    </div>
  );
}
