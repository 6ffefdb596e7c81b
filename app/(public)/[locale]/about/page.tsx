import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { defaultLocale, isLocale } from '@/lib/domain/locales';

type Props = { params: Promise<{ locale: string }> };

/** Only the languages the layout lists: /qq/about rendered a copy Next kept, made-up language and all. */
export const dynamicParams = false;
const localeOf = async (params: Props['params']) => {
  const raw = (await params).locale;
  return isLocale(raw) ? raw : defaultLocale;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: 'about' });
  return { title: t('title'), description: t('p1') };
}

/** What the MGI are: a page prerendered at build time for each interface language (reached as /about). */
export default async function AboutPage({ params }: Props) {
  const locale = await localeOf(params);
  setRequestLocale(locale);
  const t = await getTranslations('about');
  return (
    <article className="card stack" style={{ maxWidth: '46rem' }}>
      <h1>{t('title')}</h1>
      <p>{t('p1')}</p>
      <p>{t('p2')}</p>
      <p>
        <Link className="button" href="/profiles">
          {t('browse')}
        </Link>
      </p>
    </article>
  );
}
