'use client';

// The error boundary wraps every page, so it must not pull the i18n runtime
// into every page's JavaScript: three short messages, picked by <html lang>.
const text = {
  en: { title: 'Something went wrong', body: 'The server could not complete this request. Try again in a moment.', retry: 'Try again' },
  fr: { title: "Une erreur s'est produite", body: "Le serveur n'a pas pu traiter cette demande. Réessayez dans un instant.", retry: 'Réessayer' },
  es: { title: 'Algo salió mal', body: 'El servidor no pudo completar esta solicitud. Inténtelo de nuevo en un momento.', retry: 'Reintentar' },
};

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const lang = typeof document === 'undefined' ? 'en' : document.documentElement.lang;
  const t = text[lang as keyof typeof text] ?? text.en;
  return (
    <div className="card card--narrow" role="alert">
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <button className="button" type="button" onClick={reset}>
        {t.retry}
      </button>
    </div>
  );
}
