import { Suspense } from 'react';
import { notFound } from 'next/navigation';

function Missing(): never {
  notFound();
}

/**
 * A 404 whose HTML holds its own not-found content, for the pages Next
 * prerenders into its cache (the windowed edition pages).
 *
 * `notFound()` thrown from a page gives, in a production build, an empty
 * `<html id="__next_error__">` that only the browser's scripts fill in
 * (vercel/next.js#62228, open): a blank page without JavaScript, and to
 * crawlers. Thrown inside a Suspense boundary instead, Next's prerender
 * completes with status 404, the layout around it and the boundary's fallback
 * (`children`: the same content as the segment's not-found.tsx, which the
 * browser then renders from the error). Next sets that status in prerenders
 * only: a page rendered per request would answer 200 this way.
 */
export function NotFoundInPlace({ children }: { children: React.ReactNode }) {
  return (
    <Suspense fallback={children}>
      <Missing />
    </Suspense>
  );
}
