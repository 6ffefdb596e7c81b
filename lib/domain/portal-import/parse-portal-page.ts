import type { Locale } from '../locales';
import { domainKeys, type DomainKey, type DomainPart } from '../profile';
import { cleanLine, fold } from './fold';
import { parseTitle, type TitleJurisdiction } from './title';
import { isFindingsMarker, matchMonth, matchPartHeading, matchSectionHeading, sectionName } from './vocabulary';

/** A block of the introduction: a paragraph, or one item of a bullet list. */
export type IntroBlock = { kind: 'paragraph' | 'bullet'; text: string };

/** What a saved portal page holds, read in full. */
export interface PortalProfile {
  title: string;
  jurisdiction: TitleJurisdiction;
  /** The profile's content language, from its headings. */
  language: Locale;
  /** The interface language the page was saved in, from the label's month name. */
  interfaceLanguage: Locale;
  year: number;
  month: number;
  introduction: IntroBlock[];
  domains: Record<DomainKey, Record<DomainPart, string[]>>;
  /** Leftovers skipped on the way, so that a person can check nothing of value was dropped. */
  skipped: Array<{ line: number; text: string }>;
}

/** Why a file cannot be read: where, what was expected there, and what was found. */
export interface ParseFailure {
  code:
    | 'no_findings'
    | 'expected_heading'
    | 'duplicate_section'
    | 'expected_part_heading'
    | 'expected_bullet'
    | 'empty_part'
    | 'missing_domain'
    | 'truncated'
    | 'unknown_month'
    | 'expected_title'
    | 'title_too_long'
    | 'empty_introduction';
  /** 1-based line number; one past the last line when the file ended too soon. */
  line: number;
  /** The English sentence the CLI prints; the browser shows a translation built from `details`. */
  message: string;
  details: Record<string, string | number>;
}

export type ParseResult = { ok: true; profile: PortalProfile } | { ok: false; error: ParseFailure };

// Round bullets may touch their text; dashes and asterisks need a space after them.
const BULLET = /^(?:[•·◦▪▸‣●○■□]\s*|[–—*-]\s+)/u;
const LEFTOVER = /^\d{1,2}$/; // the wheel's "1" before each block of findings

class Refusal extends Error {
  constructor(readonly failure: ParseFailure) {
    super(failure.message);
  }
}

function refuse(code: ParseFailure['code'], line: number, message: string, details: Record<string, string | number> = {}): never {
  throw new Refusal({ code, line, message: `Line ${line}: ${message}`, details: { line, ...details } });
}

/** The longest title a profile may have, in the app as in an imported file. */
export const MAX_TITLE_LENGTH = 300;

const quote = (text: string) => `"${text.length > 80 ? `${text.slice(0, 77)}…` : text}"`;

/** "2024 Juin", "Junio 2024", "2022 AOUT" → year, month and the language of the month's name. */
export function parseLabel(line: string): { year: number; month: number; language: Locale } | 'unknown_month' | null {
  const parts = fold(line).split(' ');
  if (parts.length !== 2) return null;
  const yearIndex = parts.findIndex((p) => /^(19|20)\d\d$/.test(p));
  if (yearIndex === -1 || /\d/.test(parts[1 - yearIndex])) return null;
  const month = matchMonth(parts[1 - yearIndex]);
  if (!month) return 'unknown_month';
  return { year: Number(parts[yearIndex]), month: month.key, language: month.language };
}

type Section =
  | { key: 'introduction'; line: number; blocks: IntroBlock[] }
  | { key: DomainKey; line: number; part: DomainPart | null; lists: Record<DomainPart, string[]>; partLine: number };

/**
 * Reads the text of a saved MGI portal page: the portal's interface text
 * (ignored), then blocks of key findings — the introduction and six domains,
 * each domain with its two bullet lists — then the edition label and the
 * title. Refuses the whole file at the first thing it cannot place, saying
 * on which line and what it expected there.
 */
export function parsePortalPage(text: string): ParseResult {
  try {
    return { ok: true, profile: read(text) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.failure };
    throw error;
  }
}

function read(text: string): PortalProfile {
  const lines = text.split(/\r\n|\r|\n/).map(cleanLine);
  const end = lines.length + 1;
  const skipped: PortalProfile['skipped'] = [];
  const votes: Record<Locale, number> = { en: 0, fr: 0, es: 0 };
  const sections = new Map<DomainKey | 'introduction', Section>();

  // The portal's own text comes first; the findings begin at the first marker or introduction heading.
  let i = lines.findIndex((l) => isFindingsMarker(l) || matchSectionHeading(l)?.key === 'introduction');
  if (i === -1) {
    refuse('no_findings', end, 'no key findings were found: expected a line "Key findings" or "INTRODUCTION" after the portal\'s text. Is this a saved MGI profile page?');
  }

  let current: Section | null = null;
  let expectHeading = false;
  let label: { year: number; month: number; language: Locale; line: number } | null = null;

  const close = (section: Section | null, atLine: number, found: string) => {
    if (!section) return;
    if (section.key === 'introduction') {
      if (section.blocks.length === 0) refuse('empty_introduction', atLine, `the introduction (line ${section.line}) has no text.`);
      return;
    }
    const name = sectionName(section.key, 'en');
    if (section.part === null) {
      refuse('expected_part_heading', atLine, `expected the sub-heading "Examples of well-developed areas" of ${name}, found ${found}.`, {
        domain: section.key,
        part: 'strengths',
        found,
      });
    }
    if (section.part === 'strengths') {
      refuse('expected_part_heading', atLine, `expected the sub-heading "Areas with potential for further development" of ${name}, found ${found}.`, {
        domain: section.key,
        part: 'potential',
        found,
      });
    }
    if (section.lists.potential.length === 0) {
      refuse('empty_part', atLine, `the list under "Areas with potential for further development" of ${name} (line ${section.partLine}) has no bullets.`, {
        domain: section.key,
        part: 'potential',
      });
    }
  };

  for (; i < lines.length; i++) {
    const line = lines[i];
    const n = i + 1;
    if (line === '' || LEFTOVER.test(line)) continue;
    if (isFindingsMarker(line)) {
      expectHeading = true;
      continue;
    }

    const heading = matchSectionHeading(line);
    if (heading) {
      close(current, n, quote(line));
      if (sections.has(heading.key)) {
        refuse('duplicate_section', n, `${quote(line)} appears a second time (first on line ${sections.get(heading.key)!.line}).`, { found: line });
      }
      current =
        heading.key === 'introduction'
          ? { key: 'introduction', line: n, blocks: [] }
          : { key: heading.key, line: n, part: null, lists: { strengths: [], potential: [] }, partLine: n };
      sections.set(heading.key, current);
      votes[heading.language] += heading.key === 'introduction' ? 0 : 2;
      expectHeading = false;
      continue;
    }
    if (expectHeading) {
      refuse('expected_heading', n, `expected a section heading ("INTRODUCTION" or one of the six domains, such as "MIGRANTS' RIGHTS"), found ${quote(line)}.`, {
        found: line,
      });
    }

    const labelMatch = parseLabel(line);
    if (labelMatch === 'unknown_month') {
      refuse('unknown_month', n, `${quote(line)} looks like the edition label, but its month is not a month name in English, French or Spanish.`, { found: line });
    }
    if (labelMatch) {
      close(current, n, quote(line));
      label = { ...labelMatch, line: n };
      i++;
      break;
    }

    if (!current) continue; // cannot happen: the loop starts on a marker or heading
    if (current.key === 'introduction') {
      const bullet = BULLET.exec(line);
      current.blocks.push(bullet ? { kind: 'bullet', text: line.slice(bullet[0].length).trim() } : { kind: 'paragraph', text: line });
      continue;
    }

    const partHeading = matchPartHeading(line);
    if (partHeading) {
      votes[partHeading.language] += 1;
      const name = sectionName(current.key, 'en');
      if (partHeading.key === 'strengths' && current.part !== null) {
        refuse('expected_part_heading', n, `${name} has a second "Examples of well-developed areas" sub-heading.`, { domain: current.key, part: 'potential', found: line });
      }
      if (partHeading.key === 'potential') {
        if (current.part === null) {
          refuse('expected_part_heading', n, `expected the sub-heading "Examples of well-developed areas" of ${name}, found ${quote(line)}.`, {
            domain: current.key,
            part: 'strengths',
            found: line,
          });
        }
        if (current.part === 'potential') {
          refuse('expected_part_heading', n, `${name} has a second "Areas with potential for further development" sub-heading.`, { domain: current.key, part: 'potential', found: line });
        }
        if (current.lists.strengths.length === 0) {
          refuse('empty_part', n, `the list under "Examples of well-developed areas" of ${name} (line ${current.partLine}) has no bullets.`, {
            domain: current.key,
            part: 'strengths',
          });
        }
      }
      current.part = partHeading.key;
      current.partLine = n;
      continue;
    }

    const name = sectionName(current.key, 'en');
    if (current.part === null) {
      refuse('expected_part_heading', n, `expected the sub-heading "Examples of well-developed areas" of ${name}, found ${quote(line)}.`, {
        domain: current.key,
        part: 'strengths',
        found: line,
      });
    }
    const bullet = BULLET.exec(line);
    const list = current.lists[current.part];
    if (bullet) {
      const item = line.slice(bullet[0].length).trim();
      if (item) list.push(item);
      continue;
    }
    if (list.length === 0) {
      refuse('expected_bullet', n, `expected a bullet ("• …") under the sub-heading on line ${current.partLine}, found ${quote(line)}.`, { found: line });
    }
    // Text after a list's bullets that is neither a bullet nor a heading: a page leftover.
    skipped.push({ line: n, text: line });
  }

  if (!label) {
    const unfinished =
      current && current.key !== 'introduction' && current.part !== 'potential'
        ? [`the sub-heading "${current.part === null ? 'Examples of well-developed areas' : 'Areas with potential for further development'}" of ${sectionName(current.key, 'en')}`]
        : [];
    const missing = domainKeys.filter((d) => !sections.has(d)).map((d) => sectionName(d, 'en'));
    const what = [
      ...unfinished,
      ...(sections.has('introduction') ? [] : ['the introduction']),
      ...missing,
      'the edition label (such as "2024 Juin")',
      'the title',
    ];
    refuse('truncated', end, `the file ends before ${what.join(', ')}. Is it complete?`, { missing: what.join(', ') });
  }

  if (!sections.has('introduction')) refuse('missing_domain', label.line, 'the introduction is missing: expected an "INTRODUCTION" heading before the edition label.', { domain: 'introduction' });
  for (const d of domainKeys) {
    if (!sections.has(d)) {
      refuse('missing_domain', label.line, `the domain "${sectionName(d, 'en')}" is missing: every profile has the six domains before the edition label.`, {
        domain: d,
      });
    }
  }

  let title: string | null = null;
  let titleLine = end;
  for (; i < lines.length; i++) {
    if (lines[i] === '') continue;
    if (title === null) {
      title = lines[i];
      titleLine = i + 1;
    } else {
      skipped.push({ line: i + 1, text: lines[i] });
    }
  }
  const example = '"Perfil de Gobernanza de la Migración: Cantón Huaquillas (Ecuador)"';
  if (title === null) refuse('expected_title', end, `the file ends after the edition label; expected the profile's title, such as ${example}.`, { found: 'end' });
  // As long as a title written in the app may be (lib/actions/assessments.ts).
  if (title.length > MAX_TITLE_LENGTH) {
    refuse('title_too_long', titleLine, `the title is ${title.length} characters long; a profile's title has at most ${MAX_TITLE_LENGTH}.`, { length: title.length, max: MAX_TITLE_LENGTH });
  }
  const jurisdiction = parseTitle(title);
  if (!jurisdiction) {
    refuse('expected_title', titleLine, `expected the profile's title, such as ${example}, with the jurisdiction after the colon; found ${quote(title)}.`, {
      found: title,
    });
  }

  const language = (['es', 'fr', 'en'] as const).reduce((best, l) => (votes[l] > votes[best] ? l : best), 'es' as Locale);
  const intro = sections.get('introduction') as Extract<Section, { key: 'introduction' }>;
  const domains = Object.fromEntries(
    domainKeys.map((d) => [d, (sections.get(d) as Extract<Section, { key: DomainKey }>).lists]),
  ) as PortalProfile['domains'];
  return {
    title,
    jurisdiction,
    language,
    interfaceLanguage: label.language,
    year: label.year,
    month: label.month,
    introduction: intro.blocks,
    domains,
    skipped,
  };
}
