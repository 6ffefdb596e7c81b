import type { DomainKey } from './profile';

/** Each domain's colour, on the page's wheel and in the PDF's. */
export const domainColors: Record<DomainKey, string> = {
  migrants_rights: '#0b6aa2',
  whole_of_government: '#5b3f9a',
  partnerships: '#0f8a6a',
  well_being: '#c46a12',
  mobility_crises: '#b42318',
  safe_orderly_regular: '#3a5a1c',
};

/** A wheel: its centre (the same on both axes) and its ring's outer and inner radius. */
export interface WheelSize {
  center: number;
  outer: number;
  inner: number;
}

/** A point at `radius` from the centre, `degrees` clockwise from the top. */
export function wheelPoint(size: WheelSize, radius: number, degrees: number): [number, number] {
  const rad = ((degrees - 90) * Math.PI) / 180;
  return [size.center + radius * Math.cos(rad), size.center + radius * Math.sin(rad)];
}

const xy = ([x, y]: [number, number]) => `${x.toFixed(2)} ${y.toFixed(2)}`;

/** One sector of the ring as an SVG path, clockwise from `start` degrees to `end` (0 = top). */
export function wheelSector(size: WheelSize, start: number, end: number) {
  const { outer, inner } = size;
  return `M ${xy(wheelPoint(size, outer, start))} A ${outer} ${outer} 0 0 1 ${xy(wheelPoint(size, outer, end))} L ${xy(wheelPoint(size, inner, end))} A ${inner} ${inner} 0 0 0 ${xy(wheelPoint(size, inner, start))} Z`;
}
