import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { countryName } from '@/lib/domain/countries';
import { requireActor } from '@/lib/auth/current-actor';
import { NotFoundError } from '@/lib/data/errors';
import { getJurisdictionBySlug } from '@/lib/data/jurisdictions';
import { listAssessmentsOfJurisdiction } from '@/lib/data/assessments';
import { canManageReviewers, canStartAssessment } from '@/lib/policy';
import { listReviewers } from '@/lib/data/reviewers';
import { ReviewersSection } from '@/components/jurisdictions/reviewers-section';
import { StartProfileForm, type LatestByLanguage } from '@/components/profiles/start-profile-form';
import { latestEditionsOf, listEditions } from '@/lib/data/editions';
import { editionLabel, editionSlug } from '@/lib/domain/edition-label';
import { ClientIntl } from '@/components/intl/client-intl';
import type { Metadata } from 'next';
import { titleFrom } from '@/lib/auth/page-title';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  return titleFrom(async (actor) => (await getJurisdictionBySlug(actor, slug)).name, (await getTranslations('admin.jurisdictions'))('title'));
}

export default async function JurisdictionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requireActor(`/jurisdictions/${slug}`);
  const j = await getJurisdictionBySlug(actor, slug).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const profiles = await listAssessmentsOfJurisdiction(actor, j.id);
  const reviewers = canManageReviewers(actor, j.id) ? await listReviewers(actor, j.slug) : null;
  // Editions are public; imported ones have no profile behind them, so they are listed on their own.
  const published = await listEditions({ jurisdiction: j.slug });
  const ui = await getLocale();
  const now = new Date();
  const latest: LatestByLanguage = Object.fromEntries(
    (await latestEditionsOf(j.id)).map((e) => [
      e.language,
      { label: editionLabel(e.year, e.month, ui), thisMonth: e.year === now.getUTCFullYear() && e.month === now.getUTCMonth() + 1 },
    ]),
  );
  const t = await getTranslations('jurisdiction');
  const p = await getTranslations('profiles');
  const levels = await getTranslations('levels');
  const roles = await getTranslations('roles');
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{j.name}</h1>
          <p>
            {levels(j.level)} · {countryName(j.country, await getLocale())}
            {/* A country's own jurisdiction as parent says no more than the country just named. */}
            {j.parentName && j.parentLevel !== 'country' && ` · ${t('parent')} ${j.parentName}`}
          </p>
        </div>
      </div>
      <div className="two-col">
        <div className="stack">
          <section className="card" aria-labelledby="profiles">
            <h2 id="profiles">{p('title')}</h2>
            {profiles.length === 0 ? (
              <p className="muted" data-testid="no-profile">{published.length > 0 ? t('noOpenProfile') : p('none')}</p>
            ) : (
              <ul className="list-plain">
                {profiles.map((a) => (
                  <li key={a.id}>
                    <Link href={`/assessments/${a.id}`}>{a.title}</Link>
                    <span className="chips">
                      <span className="badge badge--off">{a.language.toUpperCase()}</span>
                      <span className="badge">{p(`state.${a.state}`)}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {published.length > 0 && (
            <section className="card" aria-labelledby="editions">
              <h2 id="editions">{t('editions')}</h2>
              <ul className="list-plain" data-testid="jurisdiction-editions">
                {published.map((e) => (
                  <li key={e.id}>
                    <a href={`/profiles/${j.slug}/${editionSlug(e.year, e.month)}?lang=${e.language}`}>{editionLabel(e.year, e.month, ui)}</a>
                    <span className="chips">
                      <span className="badge badge--off">{e.language.toUpperCase()}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {canStartAssessment(actor, j.id) && (
            <section className="card" aria-labelledby="start-profile">
              <h2 id="start-profile">{p('start')}</h2>
              <ClientIntl>
                <StartProfileForm jurisdiction={j.slug} latest={latest} />
              </ClientIntl>
            </section>
          )}
        </div>
        <div className="stack">
        <section className="card" aria-labelledby="people">
          <h2 id="people">{t('people')}</h2>
          {j.people.length === 0 ? (
            <p className="muted">{t('noPeople')}</p>
          ) : (
            <ul className="list-plain">
              {j.people.map((p) => (
                <li key={`${p.userId}-${p.role}`}>
                  <span>{p.name}</span>
                  <span className="badge">{roles(p.role)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        {reviewers && <ReviewersSection jurisdiction={j.slug} reviewers={reviewers} />}
        </div>
      </div>
    </div>
  );
}
