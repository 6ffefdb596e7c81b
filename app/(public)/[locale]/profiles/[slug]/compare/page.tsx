import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import { CompareForm } from '@/components/editions/compare-form';
import { DiffView } from '@/components/profiles/diff-view';
import { cachedEdition, cachedEditionList } from '@/lib/editions/public-data';
import { samePairLanguage } from '@/lib/editions/compare-pair';
import { editionLabel, editionSlug, parseEditionSlug } from '@/lib/domain/edition';
import { diffDocs } from '@/lib/domain/word-diff';
import { isLocale, type Locale } from '@/lib/domain/locales';
import { domainKeys, domainName, domainParts, partHeadings } from '@/lib/domain/profile';
import { contentLanguageParam, isJurisdictionSlug } from '@/lib/editions/page-params';

type Props = { params: Promise<{ slug: string; locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('public');
  return { title: t('compare'), robots: { index: false } };
}

/** Two editions of a jurisdiction side by side, domain by domain, additions and deletions marked. */
export default async function CompareEditions({ params, searchParams }: Props) {
  const { slug, locale: ui } = await params;
  if (!isLocale(ui)) notFound();
  setRequestLocale(ui);
  const query = await searchParams;
  const from = typeof query.from === 'string' ? parseEditionSlug(query.from) : null;
  const to = typeof query.to === 'string' ? parseEditionSlug(query.to) : null;
  if (!isJurisdictionSlug(slug)) notFound();
  const lang = contentLanguageParam(query.lang);
  // Opened without two editions (a shortened link, a bookmark of the bare address): offer to choose them.
  if (!from || !to) return <ChooseEditions slug={slug} lang={lang} />;
  const [first, second] = await Promise.all([cachedEdition(slug, from, lang), cachedEdition(slug, to, lang)]);
  if (!first || !second) notFound();
  // Named language or not, both in one language when the two months share one (lib/editions/compare-pair.ts).
  const { older, newer } = lang ? { older: first, newer: second } : await samePairLanguage(first, second, (which, l) => cachedEdition(slug, which === 'older' ? from : to, l));
  const t = await getTranslations('public');
  const locale = await getLocale();
  const label = (e: { year: number; month: number }) => editionLabel(e.year, e.month, locale);
  const back = `/profiles/${slug}/${editionSlug(newer.year, newer.month)}${lang ? `?lang=${lang}` : ''}`;
  if (older.id === newer.id) {
    // An edition against itself shows nothing but "no change" everywhere: say what to do instead.
    return (
      <div className="stack">
        <h1>{t('compare')}</h1>
        <p className="notice notice--error" role="alert">
          {t('compareSame', { label: label(older) })}
        </p>
        <p>
          <a href={back}>← {newer.title}</a>
        </p>
      </div>
    );
  }
  const onlyChanged = query.changed === '1';
  const pairs = [
    { key: 'introduction', title: t('introduction'), parts: [{ heading: null, a: older.content.introduction, b: newer.content.introduction }] },
    ...domainKeys.map((key) => ({
      key,
      title: domainName(key, newer.language),
      parts: domainParts.map((part) => ({ heading: partHeadings[part][newer.language], a: older.content.domains[key]?.[part], b: newer.content.domains[key]?.[part] })),
    })),
  ];
  const diffed = pairs.map((section) => ({
    ...section,
    parts: section.parts.map((part) => {
      const { left, right } = diffDocs(part.a, part.b);
      return { ...part, left, right, changed: left.some((p) => p.kind !== 'same') || right.some((p) => p.kind !== 'same') };
    }),
  }));
  const shown = onlyChanged ? diffed.filter((section) => section.parts.some((p) => p.changed)) : diffed;
  return (
    <div className="stack">
      <p className="breadcrumb">
        <a href={back} lang={newer.language}>
          ← {newer.title}
        </a>
      </p>
      <h1>{t('compareTitle', { from: label(older), to: label(newer) })}</h1>
      <form method="get" className="compare-options actions no-print">
        <input type="hidden" name="from" value={editionSlug(older.year, older.month)} />
        <input type="hidden" name="to" value={editionSlug(newer.year, newer.month)} />
        {lang && <input type="hidden" name="lang" value={lang} />}
        <label className="checkbox">
          <input type="checkbox" name="changed" value="1" defaultChecked={onlyChanged} />
          {t('onlyChanged')}
        </label>
        <button className="button button--small button--secondary" type="submit">
          {t('applyView')}
        </button>
      </form>
      <p className="muted small">
        <del>{t('removed')}</del> · <ins>{t('added')}</ins>
      </p>
      {onlyChanged && shown.length === 0 && <p className="notice notice--info">{t('nothingChanged')}</p>}
      {shown.map((section) => (
        <section key={section.key} className="card stack" aria-labelledby={`cmp-${section.key}`} data-testid={`compare-${section.key}`}>
          <h2 id={`cmp-${section.key}`} lang={newer.language}>
            {section.title}
          </h2>
          {section.parts.map((part, i) => {
            const { left, right, changed } = part;
            if (onlyChanged && !changed) return null;
            return (
              <div key={i} className="compare-part">
                {part.heading && <h3 lang={newer.language}>{part.heading}</h3>}
                {changed ? (
                  // Each side says which edition it is: on a phone the two are one above the other.
                  <div className="diff">
                    <div className="diff__column">
                      <p className="diff__caption">
                        {t('olderSide', { label: label(older) })}
                      </p>
                      <DiffView pieces={left} label={t('olderSide', { label: label(older) })} lang={older.language} />
                    </div>
                    <div className="diff__column">
                      <p className="diff__caption">
                        {t('newerSide', { label: label(newer) })}
                      </p>
                      <DiffView pieces={right} label={t('newerSide', { label: label(newer) })} lang={newer.language} />
                    </div>
                  </div>
                ) : (
                  <p className="muted small">{t('noChanges')}</p>
                )}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}

/**
 * The compare page without its two editions: the form to pick them, in the content language
 * asked for or else the latest edition's; a jurisdiction with no edition is not found.
 */
async function ChooseEditions({ slug, lang }: { slug: string; lang?: Locale }) {
  const all = await cachedEditionList(slug);
  if (all.length === 0) notFound();
  const language = lang && all.some((e) => e.language === lang) ? lang : all[0].language;
  const sameLanguage = all.filter((e) => e.language === language);
  const several = new Set(all.map((e) => e.language)).size > 1;
  const t = await getTranslations('public');
  const locale = await getLocale();
  const label = (e: { year: number; month: number }) => editionLabel(e.year, e.month, locale);
  const newest = sameLanguage[0];
  return (
    <div className="stack compare-choose">
      <p className="breadcrumb">
        <a href={`/profiles/${slug}${several ? `?lang=${language}` : ''}`} lang={language}>
          ← {newest.title}
        </a>
      </p>
      <h1>{t('compare')}</h1>
      {sameLanguage.length > 1 ? (
        <>
          <p className="notice notice--info" role="status">
            {t('compareChoose')}
          </p>
          <div className="card">
            <CompareForm
              slug={slug}
              editions={sameLanguage}
              lang={several ? language : undefined}
              label={label}
              labels={{ compare: t('editions'), from: t('from'), to: t('to'), compareButton: t('compareButton') }}
              headingLevel="h2"
            />
          </div>
        </>
      ) : (
        <p className="notice notice--info" role="status">
          {t('onlyOne')}
        </p>
      )}
    </div>
  );
}
