import type { FrozenProfile } from '../domain/edition';
import { renderDocHtml } from '../domain/editor/render-html';
import { domainKeys, domainParts } from '../domain/profile';
import { passageAnchorPrefix } from '../domain/search/passages';

/** The HTML of each part of an edition: the introduction, and each domain's parts. */
export interface RenderedEdition {
  introduction: string;
  domains: Record<string, Record<string, string>>;
}

/**
 * Renders every stored document of an edition once (the costly part of its
 * page: the ProseMirror schema serializes each list). Pure: the page caches it
 * with the edition's data (lib/editions/public-data.ts).
 */
export function renderEditionParts(content: FrozenProfile): RenderedEdition {
  // Each paragraph carries the id a search result links to.
  const html = (doc: unknown, section: string, part: string) => (doc ? renderDocHtml(doc, { anchorPrefix: passageAnchorPrefix(section, part) }) : '');
  return {
    introduction: html(content.introduction, 'introduction', 'body'),
    domains: Object.fromEntries(
      domainKeys.map((key) => [key, Object.fromEntries(domainParts.map((part) => [part, html(content.domains[key]?.[part], key, part)]))]),
    ),
  };
}
