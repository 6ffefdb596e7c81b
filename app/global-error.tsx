'use client';

import { useEffect } from 'react';

/*
 * What a reader gets when a page cannot be rendered at all, most often because
 * the database is away: a plain page in the three languages that tries again by
 * itself. It replaces the root layout, so it brings its own <html>; it pulls in
 * no i18n runtime and no style sheet. Next answers it with status 500; the API
 * answers a database outage with 503 and Retry-After (lib/api/handler.ts).
 */
const RETRY_SECONDS = 15;

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    const timer = setTimeout(() => window.location.reload(), RETRY_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [reset]);
  return (
    <html lang="en">
      <head>
        <meta httpEquiv="refresh" content={String(RETRY_SECONDS)} />
        <title>MGI Studio is briefly unavailable</title>
      </head>
      <body style={{ font: '17px/1.5 system-ui, sans-serif', maxWidth: '36rem', margin: '12vh auto', padding: '0 1.25rem', color: '#1c2430' }}>
        <h1 style={{ fontSize: '1.5rem' }}>MGI Studio is briefly unavailable</h1>
        <p>The server could not answer right now, most likely because the database cannot be reached. Nothing you saved is lost.</p>
        <p>This page tries again by itself every {RETRY_SECONDS} seconds.</p>
        <p lang="fr">Le serveur ne peut pas répondre pour le moment ; cette page réessaie toute seule.</p>
        <p lang="es">El servidor no puede responder por el momento; esta página vuelve a intentarlo sola.</p>
      </body>
    </html>
  );
}
