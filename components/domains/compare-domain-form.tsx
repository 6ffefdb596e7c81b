import Link from 'next/link';

/**
 * "Compare this domain with…" under a domain of an edition page: a GET form to
 * /domains/{domain} with a checkbox per offered jurisdiction (the current one
 * ticked), inside a <details>, so it opens, is used by keyboard and submits
 * without JavaScript. A link reaches every jurisdiction.
 */
export function CompareDomainForm({
  domain,
  current,
  peers,
  labels,
}: {
  domain: string;
  current: string;
  peers: Array<{ slug: string; name: string }>;
  labels: { summary: string; help: string; button: string; all: string };
}) {
  return (
    <details className="compare-domain no-print" data-testid={`compare-domain-${domain}`}>
      <summary>{labels.summary}</summary>
      <form action={`/domains/${domain}`}>
        <fieldset>
          <legend>{labels.help}</legend>
          {peers.map((p) => (
            <label key={p.slug}>
              <input type="checkbox" name="j" value={p.slug} defaultChecked={p.slug === current} /> {p.name}
            </label>
          ))}
        </fieldset>
        <p className="edition-tools">
          <button className="button button--small" type="submit">
            {labels.button}
          </button>
          <Link className="small" href={`/domains/${domain}`}>
            {labels.all}
          </Link>
        </p>
      </form>
    </details>
  );
}
