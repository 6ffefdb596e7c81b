import { describe, expect, it } from 'vitest';
import { linkFromInput } from './link-policy';

describe('linkFromInput', () => {
  it.each([
    ['https://www.iom.int/mgi', 'https://www.iom.int/mgi'],
    ['  www.iom.int  ', 'https://www.iom.int'],
    ['iom.int/es', 'https://iom.int/es'],
    ['http://localhost:3000/x', 'http://localhost:3000/x'],
    ['mailto:mgi@iom.int', 'mailto:mgi@iom.int'],
  ])('takes %s as %s', (input, href) => {
    expect(linkFromInput(input)).toEqual({ kind: 'set', href });
  });

  it('takes an empty address as removing the link', () => {
    expect(linkFromInput('   ')).toEqual({ kind: 'remove' });
  });

  it.each(['javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'ftp://example.org', 'not a url', 'https://', 'nowhere', `https://a.org/${'x'.repeat(2100)}`])(
    'refuses %s',
    (input) => {
      expect(linkFromInput(input)).toEqual({ kind: 'invalid' });
    },
  );
});
