import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/current-actor';
import { NotFoundError } from '@/lib/data/errors';
import { getJurisdictionBySlug } from '@/lib/data/jurisdictions';

export default async function JurisdictionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requireActor(`/jurisdictions/${slug}`);
  const j = await getJurisdictionBySlug(actor, slug).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations('jurisdiction');
  const levels = await getTranslations('levels');
  const roles = await getTranslations('roles');
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{j.name}</h1>
          <p>
            {levels(j.level)} · {j.country}
            {j.parentName && ` · ${t('parent')} ${j.parentName}`}
          </p>
        </div>
      </div>
      <div className="two-col">
        <section className="card">
          <p className="muted">{t('profilesSoon')}</p>
        </section>
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
      </div>
    </div>
  );
}
