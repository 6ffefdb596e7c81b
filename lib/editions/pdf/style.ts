// Plain constants, without 'server-only': the tests that read a PDF back (Playwright's too) need the margins.

/** The PDF's measures (points) and colours: A4, with room above and below for the running title and page numbers. */
export const style = {
  margins: { top: 72, bottom: 68, left: 56, right: 56 },
  body: 10.5,
  lineGap: 2.5,
  paragraphGap: 4,
  /** One indent step: the marker column of a list, and each level of nesting. */
  indent: 18,
  text: '#1b2430',
  muted: '#4a5565',
  accent: '#0b3d91',
  link: '#0b5cad',
  rule: '#c9d1dc',
} as const;
