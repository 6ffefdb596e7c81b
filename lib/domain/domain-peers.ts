/** How many jurisdictions the "compare this domain with…" form offers, the current one included. */
export const PEERS_OFFERED = 12;

interface Place {
  slug: string;
  name: string;
  level: string;
  country: string;
}

/**
 * The jurisdictions offered beside the current one for reading a domain side
 * by side: those of its country first, then of its level, then the rest, each
 * group by name, cut at `limit` (the domain page itself reaches all of them).
 */
export function domainPeers<P extends Place>(current: string, all: readonly P[], limit = PEERS_OFFERED, locale = 'en'): P[] {
  const self = all.find((p) => p.slug === current);
  const collator = new Intl.Collator(locale);
  const rank = (p: P) => (!self ? 2 : p.country === self.country ? 0 : p.level === self.level ? 1 : 2);
  const others = all.filter((p) => p.slug !== current).sort((a, b) => rank(a) - rank(b) || collator.compare(a.name, b.name));
  return [...(self ? [self] : []), ...others].slice(0, limit);
}
