import { describe, expect, it } from 'vitest';
import type { FrozenProfile } from '../domain/edition';
import { domainKeys } from '../domain/profile';
import { renderEditionParts } from './rendered-edition';

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe('renderEditionParts', () => {
  it('renders each part to HTML, escaping text, and leaves missing parts empty', () => {
    const content = {
      introduction: doc('Intro <script>alert(1)</script>'),
      domains: { ...Object.fromEntries(domainKeys.map((d) => [d, { strengths: doc(`${d} s`), potential: doc(`${d} p`) }])), partnerships: { strengths: doc('only') } },
    } as unknown as FrozenProfile;
    const rendered = renderEditionParts(content);
    expect(rendered.introduction).toBe('<p id="p-introduction-body-1">Intro &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(rendered.domains.migrants_rights.potential).toBe('<p id="p-migrants_rights-potential-1">migrants_rights p</p>');
    expect(rendered.domains.partnerships.strengths).toBe('<p id="p-partnerships-strengths-1">only</p>');
    expect(rendered.domains.partnerships.potential).toBe('');
  });
});
