import type { FrozenProfile } from '../edition';
import { domainKeys } from '../profile';
import type { IntroBlock, PortalProfile } from './parse-portal-page';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const bulletList = (items: string[]) => ({
  type: 'bulletList',
  content: items.map((text) => ({ type: 'listItem', content: [paragraph(text)] })),
});

/** The introduction's paragraphs, with runs of bullets made into lists. */
function introductionDoc(blocks: IntroBlock[]) {
  const content: unknown[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) content.push(bulletList(run));
    run = [];
  };
  for (const block of blocks) {
    if (block.kind === 'bullet') {
      run.push(block.text);
    } else {
      flush();
      content.push(paragraph(block.text));
    }
  }
  flush();
  return { type: 'doc', content };
}

/** The edition's text as the editor stores it: each domain's two parts as bullet lists. */
export function toFrozenProfile(profile: PortalProfile): FrozenProfile {
  return {
    introduction: introductionDoc(profile.introduction),
    domains: Object.fromEntries(
      domainKeys.map((d) => [
        d,
        {
          strengths: { type: 'doc', content: [bulletList(profile.domains[d].strengths)] },
          potential: { type: 'doc', content: [bulletList(profile.domains[d].potential)] },
        },
      ]),
    ) as FrozenProfile['domains'],
  };
}
