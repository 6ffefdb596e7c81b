'use client';

import { useEffect } from 'react';
import { OUTAGE_RETRY_SECONDS, OUTAGE_TEXT, outageLanguages } from '@/lib/http/outage-page';

/*
 * What a reader gets when a page cannot be rendered at all: a plain page in the
 * three languages that tries again by itself. It replaces the root layout, so it
 * brings its own <html>; it pulls in no i18n runtime and no style sheet. Next
 * answers it with status 500. When the cause is a database outage, this is seen
 * only by the request that found it out: the instance then knows, and proxy.ts
 * answers pages with the same words, 503 and Retry-After (lib/http/outage-page.ts,
 * db/outage-watch.ts).
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    const timer = setTimeout(() => window.location.reload(), OUTAGE_RETRY_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [reset]);
  const [main, ...others] = outageLanguages('en');
  return (
    <html lang={main}>
      <head>
        <meta httpEquiv="refresh" content={String(OUTAGE_RETRY_SECONDS)} />
        <title>{OUTAGE_TEXT[main].title}</title>
      </head>
      <body style={{ font: '17px/1.5 system-ui, sans-serif', maxWidth: '36rem', margin: '12vh auto', padding: '0 1.25rem', color: '#1c2430' }}>
        <h1 style={{ fontSize: '1.5rem' }}>{OUTAGE_TEXT[main].title}</h1>
        <p>{OUTAGE_TEXT[main].body}</p>
        <p>{OUTAGE_TEXT[main].retry}</p>
        {others.map((l) => (
          <p lang={l} key={l}>
            {OUTAGE_TEXT[l].body} {OUTAGE_TEXT[l].retry}
          </p>
        ))}
      </body>
    </html>
  );
}
