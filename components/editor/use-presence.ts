'use client';

import { useEffect, useState } from 'react';

const BEAT_MS = 15_000;

/** Heartbeats while a part is open; returns the names of others who have it open. */
export function usePresence(assessmentId: string, section: string, part: string) {
  const [others, setOthers] = useState<string[]>([]);
  useEffect(() => {
    const url = `/api/v1/assessments/${assessmentId}/presence`;
    let stopped = false;
    const beat = async () => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ section, part }),
        });
        if (!response.ok || stopped) return;
        const body = (await response.json()) as { others: Array<{ section: string; part: string; name: string }> };
        setOthers(body.others.filter((o) => o.section === section && o.part === part).map((o) => o.name));
      } catch {
        /* offline: presence is best effort */
      }
    };
    void beat();
    const interval = setInterval(beat, BEAT_MS);
    return () => {
      stopped = true;
      clearInterval(interval);
      void fetch(url, {
        method: 'POST',
        keepalive: true,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ section, part, leaving: true }),
      }).catch(() => {});
    };
  }, [assessmentId, section, part]);
  return others;
}
