import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FrozenProfile } from '@/lib/domain/edition';
import { domainKeys } from '@/lib/domain/profile';
import { editionView } from '@/tests/support/edition-fixture';
import { bodyText, compact, marginLines, readPdf } from '@/tests/support/read-pdf';
import { expectNoStrandedHeading } from '@/tests/support/pdf-assertions';
import { style } from './pdf/style';
import { editionPdf } from './edition-pdf';

const URL_ = 'https://mgi.example.org/profiles/lima/2026-03?lang=fr';
const words = ['la', 'municipalité', 'niñez', 'œuvre', 'l’État', 'déjà', 'Şanlıurfa', 'migrants', 'à', 'de', 'interinstitutionnelles', '2021–2023', 'coordination', 'Łódź', 'politiques', 'publiques', 'accès', 'santé'];

/** A run of words in one formatting; a space ends every run but the last of its bullet. */
const run = fc.record({
  words: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 25 }),
  mark: fc.constantFrom(null, 'bold', 'italic', 'link'),
});
/** A bullet: 1 to 4 runs, so from one word to about a hundred; sometimes with a nested bullet. */
const bullet = fc.record({ runs: fc.array(run, { minLength: 1, maxLength: 4 }), child: fc.option(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 40 }), { freq: 4 }) });
const part = fc.array(bullet, { minLength: 0, maxLength: 7 });

type Bullet = typeof bullet extends fc.Arbitrary<infer T> ? T : never;

/** Builds the edition's documents, and the plain text each bullet (and nested bullet) must show: each starts with its own number. */
function build(parts: Bullet[][]) {
  const texts: string[] = [];
  const paragraph = (content: unknown[]) => ({ type: 'paragraph', content });
  const toList = (bullets: Bullet[]) => ({
    type: 'doc',
    content: [
      {
        type: 'bulletList',
        content: bullets.map((b) => {
          const id = `B${texts.length + 1}x`;
          const runs = b.runs.map((r, i) => ({
            type: 'text',
            text: `${i === 0 ? `${id} ` : ''}${r.words.join(' ')}${i < b.runs.length - 1 ? ' ' : ''}`,
            ...(r.mark ? { marks: [r.mark === 'link' ? { type: 'link', attrs: { href: `https://example.org/${id}` } } : { type: r.mark }] } : {}),
          }));
          texts.push(runs.map((r) => r.text).join(''));
          const content: unknown[] = [paragraph(runs)];
          if (b.child) {
            const child = `C${texts.length}x ${b.child.join(' ')}`;
            texts.push(child);
            content.push({ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph([{ type: 'text', text: child }])] }] });
          }
          return { type: 'listItem', content };
        }),
      },
    ],
  });
  const introduction = toList(parts[0]);
  const domains = Object.fromEntries(domainKeys.map((d, i) => [d, { strengths: toList(parts[1 + 2 * i]), potential: toList(parts[2 + 2 * i]) }])) as FrozenProfile['domains'];
  return { content: { introduction, domains }, texts };
}

describe('a long edition of any shape', () => {
  it('keeps every bullet’s text exactly once, strands no heading, and numbers and titles every page', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(part, { minLength: 13, maxLength: 13 }), async (parts) => {
        const { content, texts } = build(parts);
        const { pages } = await readPdf(await editionPdf(editionView(content), 'fr', { url: URL_ }));
        // Compared without spaces: a line may break after a dash ("2021–" / "2023"), where no space was.
        const whole = compact(bodyText(pages, style.margins));
        for (const text of texts) expect(whole.split(compact(text)).length - 1, text).toBe(1);
        expectNoStrandedHeading(pages, 'fr');
        for (const page of pages) {
          const { top, bottom } = marginLines(page, style.margins);
          expect(bottom.map((l) => l.text)).toEqual([`${URL_} Page ${page.number} sur ${pages.length}`]);
          expect(top.length).toBe(page.number === 1 ? 0 : 1);
        }
      }),
      // Each run makes and reads a PDF of several pages (a second or two): few runs, and no long shrinking.
      { numRuns: 10, endOnFailure: true },
    );
  });
});
