/** What a reader gets while the database is away: a plain page that retries, or JSON for programs. */
export function unavailableResponse(wantsJson: boolean): { type: string; body: string } {
  if (wantsJson) {
    return {
      type: 'application/json; charset=utf-8',
      // The API's error shape (lib/api/handler.ts).
      body: JSON.stringify({ error: { code: 'database_unavailable', message: 'The database cannot be reached. Nothing was changed; try again in a moment.' } }),
    };
  }
  return {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="15"><title>MGI Studio is briefly unavailable</title>
<style>body{font:17px/1.5 system-ui,sans-serif;max-width:36rem;margin:12vh auto;padding:0 1.25rem;color:#1c2430}h1{font-size:1.5rem}p{color:#4a5565}</style>
</head><body><h1>MGI Studio is briefly unavailable</h1>
<p>The database cannot be reached right now. Nothing you saved is lost, and nothing was changed by this request.</p>
<p>This page tries again by itself every 15 seconds.</p>
<p lang="fr">La base de données est momentanément injoignable ; cette page réessaie toute seule.</p>
<p lang="es">La base de datos no responde por el momento; esta página vuelve a intentarlo sola.</p></body></html>`,
  };
}
