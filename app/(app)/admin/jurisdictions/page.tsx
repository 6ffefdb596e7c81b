import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { JurisdictionForm } from '@/components/admin/jurisdiction-form';
import { requireAbility } from '@/lib/auth/require-admin';
import { listJurisdictions } from '@/lib/data/jurisdictions';
import { countryName, countryOptions } from '@/lib/domain/countries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.jurisdictions'))('title') };
}

export default async function AdminJurisdictionsPage() {
  const actor = await requireAbility('manage_jurisdictions', '/admin/jurisdictions');
  const rows = await listJurisdictions(actor);
  const t = await getTranslations('admin.jurisdictions');
  const levels = await getTranslations('levels');
  const locale = await getLocale();
  return (
    <div className="two-col">
      <section className="card" aria-labelledby="jur-list">
        <h1 id="jur-list">{t('title')}</h1>
        {rows.length === 0 ? (
          <p className="muted">{t('empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack">
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('level')}</th>
                  <th scope="col">{t('country')}</th>
                  <th scope="col">{t('slug')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('edit')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((j) => (
                  <tr key={j.id}>
                    <td data-label={t('name')}>
                      <Link href={`/jurisdictions/${j.slug}`}>{j.name}</Link>
                      {j.parentName && <div className="small muted">{j.parentName}</div>}
                    </td>
                    <td data-label={t('level')}>{levels(j.level)}</td>
                    <td data-label={t('country')}>{countryName(j.country, locale)}</td>
                    <td data-label={t('slug')}>
                      <code>{j.slug}</code>
                    </td>
                    <td>
                      <Link href={`/admin/jurisdictions/${j.id}`} aria-label={`${t('edit')} ${j.name}`}>
                        {t('edit')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="jur-create">
        <h2 id="jur-create">{t('create')}</h2>
        <JurisdictionForm parents={rows.map((r) => ({ id: r.id, name: r.name }))} countries={countryOptions(locale)} />
      </section>
    </div>
  );
}
