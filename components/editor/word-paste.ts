/**
 * Word (and Outlook) paste lists as paragraphs styled `mso-list`, with the
 * bullet or number typed into the text. Turn runs of them into real lists so
 * the schema keeps them; everything else is left to the schema, which keeps
 * lists and emphasis and drops the rest.
 */
export function cleanWordHtml(html: string): string {
  if (!/mso-list|MsoListParagraph/i.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const isListParagraph = (el: Element | null): el is HTMLElement =>
    !!el && el.tagName === 'P' && (/mso-list/i.test(el.getAttribute('style') ?? '') || /MsoListParagraph/i.test(el.className));
  for (const p of Array.from(doc.body.querySelectorAll('p'))) {
    if (!isListParagraph(p) || !p.isConnected) continue;
    const run: HTMLElement[] = [];
    let cursor: Element | null = p;
    while (isListParagraph(cursor)) {
      run.push(cursor);
      cursor = cursor.nextElementSibling;
    }
    const marker = (run[0].textContent ?? '').trim();
    const list = doc.createElement(/^\(?[0-9a-z]{1,3}[.)]/i.test(marker) ? 'ol' : 'ul');
    for (const item of run) {
      // The typed bullet sits in a span marked mso-list:Ignore (or leads the text).
      item.querySelectorAll('span').forEach((s) => {
        if (/mso-list:\s*ignore/i.test(s.getAttribute('style') ?? '')) s.remove();
      });
      const li = doc.createElement('li');
      const para = doc.createElement('p');
      para.innerHTML = item.innerHTML.replace(/^\s*(?:[·•▪o§-]|\(?[0-9a-z]{1,3}[.)])(?:\s|&nbsp;)+/i, '');
      li.appendChild(para);
      list.appendChild(li);
    }
    run[0].replaceWith(list);
    run.slice(1).forEach((el) => el.remove());
  }
  return doc.body.innerHTML;
}
