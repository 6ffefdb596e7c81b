import type { SearchHit } from '@/lib/data/search';
import { countryName } from '@/lib/domain/countries';
import { editionLabel } from '@/lib/domain/edition';
import { domainName, isDomainKey, partHeadings } from '@/lib/domain/profile';
import { hitHref } from '@/lib/domain/search/hit-href';

/**
 * One passage found: where it is (jurisdiction, edition or draft, domain and
 * part), its words with the matched ones marked, and a link to it in place.
 * The text is rendered as React text nodes: nothing in it is read as HTML.
 * Plain links, not next/link: a document navigation makes the passage the
 * page's :target, which the edition page highlights (client routing would not).
 */
export function SearchHitCard({
  hit,
  locale,
  labels,
}: {
  hit: SearchHit;
  locale: string;
  labels: { draft: string; draftNote: string; read: string; openDraft: string; introduction: string };
}) {
  const href = hitHref(hit);
  const where = isDomainKey(hit.section) ? domainName(hit.section, hit.language) : labels.introduction;
  const part = hit.part === 'strengths' || hit.part === 'potential' ? partHeadings[hit.part][hit.language] : null;
  return (
    <li className="card search-hit" data-testid="search-hit">
      <p className="search-hit__where">
        <a href={href} className="search-hit__title">
          {hit.jurisdiction}
        </a>{' '}
        <span className="muted small">· {countryName(hit.country, locale)}</span>{' '}
        {hit.draft || hit.year === null || hit.month === null ? (
          <span className="badge badge--warn" title={labels.draftNote} data-testid="draft-badge">
            {labels.draft}
          </span>
        ) : (
          <span className="badge" data-testid="edition-badge">
            {editionLabel(hit.year, hit.month, locale)}
          </span>
        )}
      </p>
      <p className="search-hit__domain small" lang={hit.language}>
        {where}
        {part && <span className="muted"> · {part}</span>}
      </p>
      <blockquote className="search-hit__text" lang={hit.language}>
        {hit.highlight.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
      </blockquote>
      <p className="small">
        <a href={href}>{hit.draft ? labels.openDraft : labels.read}</a>
      </p>
    </li>
  );
}
