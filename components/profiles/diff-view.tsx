import type { DiffPiece } from '@/lib/domain/word-diff';

/** One side of a comparison: removed words struck through, added words highlighted. */
export function DiffView({ pieces, label, lang }: { pieces: DiffPiece[]; label: string; lang: string }) {
  return (
    <div className="diff-side" aria-label={label} lang={lang}>
      {pieces.map((p, i) =>
        p.kind === 'added' ? (
          <ins key={i}>{p.text}</ins>
        ) : p.kind === 'removed' ? (
          <del key={i}>{p.text}</del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  );
}
