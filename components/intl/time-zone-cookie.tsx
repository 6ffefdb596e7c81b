'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { readTimeZone, timeZoneCookieName } from '@/lib/domain/time-zone';

const YEAR = 60 * 60 * 24 * 365;

/**
 * Tells the server the browser's time zone, so the times it renders (comments,
 * history, inbox) read as the ones the browser formats itself (the suggestion
 * list). When the cookie is missing or names another zone (a first visit, a
 * trip), it is written and the page on screen rendered again in that zone;
 * otherwise nothing happens. Renders nothing.
 */
export function TimeZoneCookie() {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!readTimeZone(zone) || storedZone() === zone) return;
    document.cookie = `${timeZoneCookieName}=${zone}; path=/; max-age=${YEAR}; SameSite=Lax`;
    // Only when the browser kept it: with cookies refused, a refresh would change nothing.
    if (storedZone() === zone) router.refresh();
  }, [router]);
  return null;
}

function storedZone() {
  const prefix = `${timeZoneCookieName}=`;
  return document.cookie.split('; ').find((c) => c.startsWith(prefix))?.slice(prefix.length);
}
