import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { CommentPanel } from '@/components/comments/comment-panel';
import { requireActor } from '@/lib/auth/current-actor';
import { orNotFound } from '@/lib/auth/load-or-404';
import { listThreads } from '@/lib/data/comments-read';
import { isLocale } from '@/lib/domain/locales';
import { domainName, sectionKeys, type SectionKey } from '@/lib/domain/profile';
import { getCommentLabels } from '@/lib/i18n/comment-labels';
import { allowedCommentActions } from '@/lib/policy';
import type { Metadata } from 'next';
import { titleFrom } from '@/lib/auth/page-title';
import { getAssessmentHeader } from '@/lib/data/assessments';

/** Every comment thread of a profile, section by section. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations('comments');
  return titleFrom(async (actor) => `${t('title')} · ${(await getAssessmentHeader(actor, id)).title}`, t('title'));
}

export default async function CommentsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/assessments/${id}/comments`);
  if (!z.uuid().safeParse(id).success) notFound();
  const profile = await orNotFound(getAssessmentHeader(actor, id));
  const threads = await listThreads(actor, id);
  const labels = await getCommentLabels();
  const allowed = allowedCommentActions(actor, profile).filter((a) => a !== 'start');
  const t = await getTranslations('profiles');
  const c = await getTranslations('comments');
  const locale = await getLocale();
  const ui = isLocale(locale) ? locale : 'en';
  const name = (s: SectionKey) => (s === 'introduction' ? t('introduction') : domainName(s, ui));
  const sections = sectionKeys.filter((s) => threads.some((x) => x.section === s));
  return (
    <div className="stack">
      <div>
        <p className="breadcrumb">
          <Link href={`/assessments/${id}`}>← {t('back')}</Link>
        </p>
        <h1>{c('allComments')}</h1>
        <p className="muted" lang={profile.language}>
          {profile.title}
        </p>
      </div>
      {sections.length === 0 && <p className="muted">{c('none')}</p>}
      <div className="comment-sections">
        {sections.map((s) => (
          <div key={s} className="stack">
            <h2>
              <Link href={`/assessments/${id}/sections/${s}`}>{name(s)}</Link>
            </h2>
            <CommentPanel id={id} section={s} language={profile.language} threads={threads.filter((x) => x.section === s)} allowed={allowed} labels={labels} headingLevel={3} />
          </div>
        ))}
      </div>
    </div>
  );
}
