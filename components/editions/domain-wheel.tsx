import { domainKeys, domainName, type DomainKey } from '@/lib/domain/profile';

const colors: Record<DomainKey, string> = {
  migrants_rights: '#0b6aa2',
  whole_of_government: '#5b3f9a',
  partnerships: '#0f8a6a',
  well_being: '#c46a12',
  mobility_crises: '#b42318',
  safe_orderly_regular: '#3a5a1c',
};

const C = 160;
const OUTER = 150;
const INNER = 62;

function point(radius: number, degrees: number) {
  const rad = ((degrees - 90) * Math.PI) / 180;
  return `${(C + radius * Math.cos(rad)).toFixed(2)} ${(C + radius * Math.sin(rad)).toFixed(2)}`;
}

/** One sixth of the ring, clockwise from `start` degrees (0 = top). */
function sector(start: number, end: number) {
  return `M ${point(OUTER, start)} A ${OUTER} ${OUTER} 0 0 1 ${point(OUTER, end)} L ${point(INNER, end)} A ${INNER} ${INNER} 0 0 0 ${point(INNER, start)} Z`;
}

/**
 * The wheel of the six domains, as on the portal: an SVG in which each domain
 * is a link to its key findings on the page. Plain links inside the SVG, so it
 * works without JavaScript, by keyboard (Tab reaches each) and with a screen
 * reader (each link is named by its domain). A legend repeats the links in text.
 */
export function DomainWheel({ language, label, center }: { language: string; label: string; center: string }) {
  return (
    <nav className="wheel" aria-label={label}>
      <svg viewBox="0 0 320 320" className="wheel__svg" role="presentation">
        {domainKeys.map((key, i) => {
          const name = domainName(key, language);
          const [x, y] = point((OUTER + INNER) / 2, i * 60 + 30).split(' ');
          return (
            // The name starts with the number the sector shows, so that it holds the link's visible text (WCAG 2.5.3).
            <a key={key} href={`#domain-${key}`} aria-label={`${i + 1}. ${name}`} className="wheel__link">
              <title>{name}</title>
              <path d={sector(i * 60 + 1, i * 60 + 59)} fill={colors[key]} className="wheel__sector" />
              <text x={x} y={y} className="wheel__number" textAnchor="middle" dominantBaseline="central" aria-hidden="true">
                {i + 1}
              </text>
            </a>
          );
        })}
        <circle cx={C} cy={C} r={INNER - 6} className="wheel__hub" />
        <text x={C} y={C} className="wheel__hub-text" textAnchor="middle" dominantBaseline="central" aria-hidden="true">
          {center}
        </text>
      </svg>
      <ol className="wheel__legend" lang={language}>
        {domainKeys.map((key) => (
          <li key={key}>
            <span className="wheel__swatch" style={{ background: colors[key] }} aria-hidden="true" />
            <a href={`#domain-${key}`}>{domainName(key, language)}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
