'use client';

import dynamic from 'next/dynamic';
import type { PartEditorProps } from './part-editor';

// The editor (Tiptap, ProseMirror) loads only on the pages that edit text.
const PartEditor = dynamic(() => import('./part-editor'), {
  ssr: false,
  loading: () => <div className="part-editor part-editor--loading" aria-busy="true" />,
});

export function PartEditorLoader(props: PartEditorProps) {
  return <PartEditor {...props} />;
}
