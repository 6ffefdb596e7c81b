import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/current-actor';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('inbox'))('unavailableTitle') };
}

/**
 * Where a notification leads when the profile it is about is no longer open to its
 * reader (lib/data/notifications.ts): a consultation reviewer's after the profile went
 * back to draft, or after their role ended. Says nothing of the profile itself.
 */
export default async function NotificationUnavailable() {
  await requireActor('/inbox');
  const t = await getTranslations('inbox');
  return (
    <div className="card card--narrow stack" data-testid="notification-unavailable">
      <h1>{t('unavailableTitle')}</h1>
      <p>{t('unavailableBody')}</p>
      <p>
        <Link href="/inbox">← {t('backToInbox')}</Link>
      </p>
    </div>
  );
}
