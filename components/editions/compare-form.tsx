import { editionSlug } from '@/lib/domain/edition';

interface Choice {
  id: string;
  year: number;
  month: number;
}

/**
 * The form that picks two editions of one jurisdiction (in one content language) to
 * compare: beside every edition, and on the compare page when it is opened without them.
 * The two newest are chosen at first. A plain GET form: it works without script.
 */
export function CompareForm(props: {
  slug: string;
  /** Newest first, at least two. */
  editions: Choice[];
  /** The content language, named when the jurisdiction has editions in several. */
  lang?: string;
  label: (e: { year: number; month: number }) => string;
  labels: { compare: string; from: string; to: string; compareButton: string };
  headingLevel?: 'h2' | 'h3';
}) {
  const { slug, editions, lang, label, labels: t } = props;
  const Heading = props.headingLevel ?? 'h3';
  return (
    <form action={`/profiles/${slug}/compare`} className="form compare-form">
      <Heading>{t.compare}</Heading>
      {lang && <input type="hidden" name="lang" value={lang} />}
      {(
        [
          ['from', t.from, editions[1]],
          ['to', t.to, editions[0]],
        ] as const
      ).map(([name, text, preselected]) => (
        <div className="field" key={name}>
          <label htmlFor={`compare-${name}`}>{text}</label>
          <select id={`compare-${name}`} name={name} defaultValue={editionSlug(preselected.year, preselected.month)}>
            {editions.map((e) => (
              <option key={e.id} value={editionSlug(e.year, e.month)}>
                {label(e)}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button className="button button--small" type="submit">
        {t.compareButton}
      </button>
    </form>
  );
}
