'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <div className="card card--narrow" role="alert">
      <h1>{t('serverTitle')}</h1>
      <p>{t('serverBody')}</p>
      <button className="button" type="button" onClick={reset}>
        {t('retry')}
      </button>
    </div>
  );
}
