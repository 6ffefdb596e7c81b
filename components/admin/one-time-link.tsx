'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

/** Shows a set-password link once, with a copy button. */
export function OneTimeLink({ link }: { link: string }) {
  const t = useTranslations('admin.users');
  const [copied, setCopied] = useState(false);
  return (
    <div className="link-box">
      <code data-testid="one-time-link">{link}</code>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => navigator.clipboard?.writeText(link).then(() => setCopied(true))}
      >
        {copied ? t('copied') : t('copy')}
      </button>
    </div>
  );
}
