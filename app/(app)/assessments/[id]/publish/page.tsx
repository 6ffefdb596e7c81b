import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { EditionArticle } from '@/components/editions/edition-article';
import { ClientIntl } from '@/components/intl/client-intl';
import { PublishForm } from '@/components/profiles/publish-form';
import { PublishedAs } from '@/components/profiles/published-as';
import { requireActor } from '@/lib/auth/current-actor';
import { orNotFound } from '@/lib/auth/load-or-404';
import { getAssessmentHeader } from '@/lib/data/assessments';
import { previewEdition } from '@/lib/data/editions';
import { workflowAbilities } from '@/lib/data/workflow';
import { editionLabel } from '@/lib/domain/edition-label';
import { renderEditionParts } from '@/lib/editions/rendered-edition';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('workflow'))('actions.publish') };
}

/**
 * Publishing, confirmed: the edition exactly as the public page will show it
 * (the same EditionArticle), what it will be (a new edition or a correction,
 * and its label), then the button. Once published, the page names the edition
 * and links to it.
 */
export default async function PublishPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/assessments/${id}/publish`);
  if (!z.uuid().safeParse(id).success) notFound();
  const profile = await orNotFound(getAssessmentHeader(actor, id));
  const t = await getTranslations('workflow');
  const ui = await getLocale();
  const back = (
    <p className="breadcrumb">
      <Link href={`/assessments/${id}`}>← {profile.title}</Link>
    </p>
  );
  if (profile.state === 'published') {
    return (
      <div className="stack">
        {back}
        <h1>{t('previewTitle', { title: profile.title })}</h1>
        <PublishedAs actor={actor} id={id} />
      </div>
    );
  }
  const { actions } = await workflowAbilities(actor, profile);
  if (!actions.includes('publish')) {
    return (
      <div className="stack">
        {back}
        <h1>{t('previewTitle', { title: profile.title })}</h1>
        <p className="notice notice--info">{t('notAllowed')}</p>
      </div>
    );
  }
  const { view, plan } = await previewEdition(actor, id);
  const label = editionLabel(plan.year, plan.month, ui);
  return (
    <div className="stack">
      {back}
      <h1>{t('previewTitle', { title: profile.title })}</h1>
      <section className="card stack" aria-labelledby="confirm-title" data-testid="publish-confirm" id="publish-confirm">
        <h2 id="confirm-title" className="visually-hidden">
          {t('actions.publish')}
        </h2>
        <p data-testid="publish-plan" data-kind={plan.kind}>
          {plan.kind === 'correction'
            ? t('willPublishCorrection', { label, version: plan.version })
            : plan.kind === 'wait'
              ? t('planWait', { label, from: editionLabel(plan.from.year, plan.from.month, ui) })
              : t('willPublishEdition', { label })}
        </p>
        {plan.kind !== 'wait' && (
          <>
            <p className="muted small">{t('irreversible')}</p>
            <ClientIntl>
              <PublishForm id={id} label={label} correction={plan.kind === 'correction'} />
            </ClientIntl>
          </>
        )}
      </section>
      <section aria-labelledby="preview-title" className="stack publish-preview" data-testid="publish-preview">
        <h2 id="preview-title">{t('previewOf')}</h2>
        <EditionArticle edition={view} rendered={renderEditionParts(view.content)} uiLocale={ui} />
        {/* The preview is long: whoever has read it to the end gets back to the button without scrolling it all again. */}
        {plan.kind !== 'wait' && (
          <p>
            <a href="#publish-confirm">↑ {t('backToConfirm')}</a>
          </p>
        )}
      </section>
    </div>
  );
}
