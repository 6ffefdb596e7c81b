import { describe, expect, it } from 'vitest';
import { startAssessment } from '../../lib/data/assessments';
import { startThread } from '../../lib/data/comments-anchor';
import { setThreadStatus } from '../../lib/data/comments-write';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { getEdition } from '../../lib/data/editions';
import { savePart } from '../../lib/data/parts';
import { approveProfile, publishProfile, submitForReview } from '../../lib/data/workflow';
import { editionPdf } from '../../lib/editions/edition-pdf';
import { style } from '../../lib/editions/pdf/style';
import { editionPublicUrl } from '../../lib/editions/public-url';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import { bodyLines, bodyText, compact, readPdf } from '../support/read-pdf';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

const formatted = (words: string) => ({
  type: 'doc',
  content: [
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: `${words} ` },
                { type: 'text', text: 'en negrita', marks: [{ type: 'bold' }] },
                { type: 'text', text: ' y ' },
                { type: 'text', text: 'el enlace', marks: [{ type: 'link', attrs: { href: 'https://example.org/ley' } }] },
              ],
            },
          ],
        },
      ],
    },
  ],
});

describe.each(targets)('the PDF of an edition published through the workflow, on %s', (target) => {
  freshDatabasePerSuite(target);

  it('prints the text as stored, with its formatting, and the trail of who submitted, approved and published it', async () => {
    const j = await seedJurisdiction();
    const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const focal = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const admin = (await seedUser({ isAdmin: true })).actor;
    const { id } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
    for (const slot of profileSlots) await savePart(consultant, { assessmentId: id, ...slot }, { doc: formatted(`${slot.section} ${slot.part}`), baseRevision: 0 });
    await submitForReview(consultant, id, 'Lista');
    const { thread } = await startThread(focal, id, { section: 'partnerships', part: 'strengths', quote: 'negrita', body: '¿Seguro?' });
    await setThreadStatus(focal, id, thread.id, 'resolved');
    for (const d of domainKeys) await reviewDomain(focal, id, d, 'accept', null);
    await approveProfile(focal, id);
    await publishProfile(admin, id);

    const edition = (await getEdition(j.slug, 'latest'))!;
    const url = editionPublicUrl('https://mgi.example.org', edition);
    const { pages } = await readPdf(await editionPdf(edition, 'en', { url }));
    const text = bodyText(pages, style.margins);
    for (const slot of profileSlots) expect(text).toContain(`${slot.section} ${slot.part} en negrita y el enlace`);
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(edition.publishedAt);
    // The trail is a table of three columns (step, who, when) whose cells wrap: read it column by column.
    const last = pages.at(-1)!;
    const left = style.margins.left;
    const width = 595.28 - left - style.margins.right;
    const column = (from: number, to: number) =>
      compact(bodyLines(last, style.margins).flatMap((l) => l.texts).filter((t) => t.x >= from - 1 && t.x < to - 1 && t.str.trim()).map((t) => t.str).join(''));
    expect(column(left, left + width * 0.36)).toContain(compact('Review and approval Submitted for review Approved Published 1 review comment resolved'));
    expect(column(left + width * 0.36, left + width * 0.7)).toBe(compact(`${consultant.name} ${focal.name} ${admin.name}`));
    expect(column(left + width * 0.7, left + width)).toBe(compact(`${day} ${day} ${day}`));
    expect(text).toContain('1 review comment resolved');
    expect(text).toContain(`Source: ${url}`);
    expect(text).not.toContain('Corrected on');
    // A correction's PDF says so and what was corrected, as its page does (it said nothing).
    const corrected = await readPdf(await editionPdf({ ...edition, version: 2, note: 'The date of the law was wrong.' }, 'en', { url }));
    expect(bodyText(corrected.pages, style.margins)).toContain(`Corrected on ${day}: The date of the law was wrong.`);
    const all = pages.flatMap((p) => p.texts);
    expect(all.filter((t) => t.str.includes('en negrita')).every((t) => /NotoSans-Bold$/.test(t.font))).toBe(true);
    expect(pages.flatMap((p) => p.links).filter((l) => l.url === 'https://example.org/ley')).toHaveLength(profileSlots.length);
  });
});
