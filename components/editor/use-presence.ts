'use client';

import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { presenceChanged, PRESENCE_FIELD } from '@/lib/collab/presence-signal';

const BEAT_MS = 15_000;

/**
 * Heartbeats while a part is open; returns the names of others who have it open.
 *
 * The heartbeat alone showed a newcomer to the people already there only at their
 * next beat, up to 15 s later (and a test on a slow machine, whose newcomer's first
 * beat came after the other's, missed it). So once this person's marker is stored,
 * they say so once in the part's live awareness; everyone else in the part asks the
 * server again at once. The names still come from the server, which checks who may
 * see the profile.
 */
export function usePresence(assessmentId: string, section: string, part: string, awareness: Awareness | null) {
  const [others, setOthers] = useState<string[]>([]);
  useEffect(() => {
    const url = `/api/v1/assessments/${assessmentId}/presence`;
    let stopped = false;
    let announced = false;
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
        if (!announced && awareness) {
          // Once: the others' answering beats must not announce again, or they would ask each other forever.
          announced = true;
          awareness.setLocalStateField(PRESENCE_FIELD, `${Date.now()}-${Math.random()}`);
        }
      } catch {
        /* offline: presence is best effort */
      }
    };
    const onAwareness = (change: { added: number[]; updated: number[]; removed: number[] }) => {
      if (awareness && presenceChanged(awareness.getStates(), awareness.clientID, change, seen)) void beat();
    };
    const seen = new Map<number, unknown>();
    awareness?.on('change', onAwareness);
    void beat();
    const interval = setInterval(beat, BEAT_MS);
    return () => {
      stopped = true;
      clearInterval(interval);
      awareness?.off('change', onAwareness);
      void fetch(url, {
        method: 'POST',
        keepalive: true,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ section, part, leaving: true }),
      }).catch(() => {});
    };
  }, [assessmentId, section, part, awareness]);
  return others;
}
