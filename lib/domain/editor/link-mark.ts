import { Mark, mergeAttributes } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { isAllowedHref } from './link-policy';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    profileLink: {
      setLink: (attributes: { href: string }) => ReturnType;
      unsetLink: () => ReturnType;
    };
  }
}

const REL = 'noopener noreferrer nofollow';

/**
 * Links in profile texts: http, https and mailto only. Tiptap's Link extension
 * would do, but it bundles linkifyjs (about 20 KB gzipped) for auto-linking;
 * the editor page has a 250 KB budget, so links are made explicitly (toolbar,
 * Ctrl+K, or pasting an address over selected text).
 */
export const ProfileLink = Mark.create({
  name: 'link',
  priority: 1000,
  inclusive: false,
  keepOnSplit: false,
  exitable: true,

  addAttributes() {
    return {
      href: { default: null, parseHTML: (element) => element.getAttribute('href') },
      target: { default: null, parseHTML: () => null },
      rel: { default: REL, parseHTML: () => REL },
      class: { default: null, parseHTML: () => null },
      title: { default: null, parseHTML: (element) => element.getAttribute('title')?.slice(0, 500) ?? null },
    };
  },

  parseHTML() {
    return [{ tag: 'a[href]', getAttrs: (element) => (isAllowedHref((element as HTMLElement).getAttribute('href')) ? null : false) }];
  },

  renderHTML({ HTMLAttributes }) {
    // Never render a disallowed href, even if one were stored somehow.
    const href = isAllowedHref(HTMLAttributes.href) ? HTMLAttributes.href : null;
    return ['a', mergeAttributes(HTMLAttributes, { href, rel: REL }), 0];
  },

  addCommands() {
    return {
      setLink:
        ({ href }) =>
        ({ chain }) =>
          isAllowedHref(href) && chain().setMark(this.name, { href }).run(),
      unsetLink:
        () =>
        ({ chain }) =>
          chain().unsetMark(this.name, { extendEmptyMarkRange: true }).run(),
    };
  },

  addProseMirrorPlugins() {
    const type = this.type;
    return [
      new Plugin({
        props: {
          // Pasting an address over selected text links the text.
          handlePaste: (view, event) => {
            const text = event.clipboardData?.getData('text/plain')?.trim() ?? '';
            const { from, to, empty } = view.state.selection;
            if (empty || !isAllowedHref(text)) return false;
            view.dispatch(view.state.tr.addMark(from, to, type.create({ href: text })));
            return true;
          },
        },
      }),
    ];
  },
});
