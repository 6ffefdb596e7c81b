import { expect, type APIRequestContext, type Page } from '@playwright/test';

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

/** Selects the first occurrence of `text` inside an element, as a person would with the mouse. */
export async function selectText(page: Page, container: ReturnType<Page['locator']>, text: string) {
  await container.evaluate((root, needle) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(needle);
      if (at < 0) continue;
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
