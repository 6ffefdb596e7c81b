import { domainKeys, domainName } from '@/lib/domain/profile';
import { domainColors as colors, wheelPoint, wheelSector, type WheelSize } from '@/lib/domain/wheel-geometry';

const size: WheelSize = { center: 160, outer: 150, inner: 62 };
const C = size.center;
const INNER = size.inner;

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
          const [x, y] = wheelPoint(size, (size.outer + size.inner) / 2, i * 60 + 30).map((n) => n.toFixed(2));
          return (
            // The name starts with the number the sector shows, so that it holds the link's visible text (WCAG 2.5.3).
            <a key={key} href={`#domain-${key}`} aria-label={`${i + 1}. ${name}`} className="wheel__link">
              <title>{name}</title>
              <path d={wheelSector(size, i * 60 + 1, i * 60 + 59)} fill={colors[key]} className="wheel__sector" />
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
