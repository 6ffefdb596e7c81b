import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

/** The id of the open profile of a jurisdiction in a language, starting one if needed. */
export async function openProfile(request: APIRequestContext, jurisdiction: string, language: string, baseURL: string) {
  const response = await request.post('/api/v1/assessments', {
    data: { jurisdiction, language },
    headers: { origin: baseURL },
  });
  expect([201, 409]).toContain(response.status());
  return (await response.json()).id as string;
}

/** A part's editor; `text` is its textbox once it can be typed in (the live text has arrived). */
export function editorOf(page: Page, section: string, part: string) {
  const root = page.getByTestId(`editor-${section}-${part}`);
  return { root, text: root.locator('[role="textbox"][contenteditable="true"]'), status: root.getByTestId('save-status') };
}

/**
 * Selects the first occurrence of `text` inside an element, as a person would with the mouse.
 *
 * In an editor, the editor is focused first, as a click does. Placing a
 * selection in an editor without focus focuses it as a side effect, and
 * ProseMirror, on a focus, puts its own previous selection back 20 ms later if
 * the caret has not moved from where the focus found it: a key pressed at once
 * (ArrowRight collapses to the same end) and read late on a loaded machine then
 * acts on the old selection (typing replaced the selected word, and a
 * suggestion beside someone else's was refused as changing theirs).
 */
export async function selectText(page: Page, container: ReturnType<Page['locator']>, text: string) {
  await container.evaluate((root, needle) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(needle);
      if (at < 0) continue;
      node.parentElement?.closest<HTMLElement>('[contenteditable="true"]')?.focus({ preventScroll: true });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${needle}" is not in the text`);
  }, text);
  void page;
}

/** Every part a profile must fill before it can be submitted. */
export const profileSlots: ReadonlyArray<readonly [string, string]> = [
  ['introduction', 'body'],
  ...['migrants_rights', 'whole_of_government', 'partnerships', 'well_being', 'mobility_crises', 'safe_orderly_regular'].flatMap((d) => [
    [d, 'strengths'] as const,
    [d, 'potential'] as const,
  ]),
];

/** Fills every part over the API, one paragraph each (`text` names it), as the profile's consultant. */
export async function fillAllParts(request: APIRequestContext, id: string, origin: string, text: (section: string, part: string) => string) {
  const profile = await (await request.get(`/api/v1/assessments/${id}`)).json();
  for (const [section, part] of profileSlots) {
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: text(section, part) }] }] };
    const saved = await request.put(`/api/v1/assessments/${id}/sections/${section}/${part}`, { data: { doc, baseRevision: profile.sections[section][part].revision }, headers: { origin } });
    expect(saved.status()).toBe(200);
  }
}

/** Fills every part, then submits the profile for review. */
export async function fillAndSubmit(request: APIRequestContext, id: string, origin: string, text: (section: string, part: string) => string) {
  await fillAllParts(request, id, origin, text);
  expect((await request.post(`/api/v1/assessments/${id}/transitions`, { data: { action: 'submit' }, headers: { origin } })).status()).toBe(200);
}

/** Comments on a passage of a part's read-only text (a reviewer's or focal point's), and waits for the thread in the side panel. */
export async function commentOnPassage(page: Page, part: Locator, passage: string, body: string) {
  await selectText(page, part.locator('.rendered-part'), passage);
  await part.getByRole('button', { name: 'Comment on the selected passage' }).click();
  const composer = page.getByRole('form', { name: 'Your comment on this passage' });
  await composer.getByLabel('Comment').fill(body);
  await composer.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByTestId('comment-panel').getByTestId('thread')).toContainText(body);
}
