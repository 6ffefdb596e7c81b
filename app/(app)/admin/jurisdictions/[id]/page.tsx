import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { JurisdictionForm } from '@/components/admin/jurisdiction-form';
import { requireAbility } from '@/lib/auth/require-admin';
import { getJurisdictionById, listJurisdictions } from '@/lib/data/jurisdictions';
import { countryOptions } from '@/lib/domain/countries';
import type { Metadata } from 'next';
import { titleFrom } from '@/lib/auth/page-title';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations('admin.jurisdictions');
  return titleFrom(async (actor) => t('editTitle', { name: (await getJurisdictionById(actor, id)).name }), t('title'));
}

export default async function EditJurisdictionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireAbility('manage_jurisdictions', `/admin/jurisdictions/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const [jurisdiction, all] = [await getJurisdictionById(actor, id).catch(() => null), await listJurisdictions(actor)];
  if (!jurisdiction) notFound();
  const t = await getTranslations('admin.jurisdictions');
  return (
    <div className="card card--narrow" style={{ maxWidth: '40rem' }}>
      <p className="breadcrumb">
        <Link href="/admin/jurisdictions">← {t('back')}</Link>
      </p>
      <h1>{t('editTitle', { name: jurisdiction.name })}</h1>
      <JurisdictionForm
        jurisdiction={jurisdiction}
        slugLocked={jurisdiction.slugLocked}
        countries={countryOptions(await getLocale())}
        parents={all.filter((r) => r.id !== jurisdiction.id).map((r) => ({ id: r.id, name: r.name }))}
      />
    </div>
  );
}
