import type { DiffPiece } from '@/lib/domain/word-diff';

/**
 * One side of a comparison (or both, inline): removed words struck through,
 * added words underlined, each on its own colour. `marks` names them for
 * screen readers, which announce neither colour nor <ins>/<del>.
 */
export function DiffView({ pieces, label, lang, marks }: { pieces: DiffPiece[]; label: string; lang: string; marks?: { added: string; removed: string } }) {
  const named = (kind: 'added' | 'removed') => (marks ? <span className="visually-hidden">[{marks[kind]}: </span> : null);
  const end = marks ? <span className="visually-hidden">]</span> : null;
  return (
    <div className="diff-side" aria-label={label} lang={lang}>
      {pieces.map((p, i) =>
        p.kind === 'added' ? (
          <ins key={i}>
            {named('added')}
            {p.text}
            {end}
          </ins>
        ) : p.kind === 'removed' ? (
          <del key={i}>
            {named('removed')}
            {p.text}
            {end}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  );
}
