import { isIP } from 'node:net';

/**
 * The part of a client address that throttling counts by: an IPv4 address as
 * is, an IPv6 address by its /64 (one subscriber usually holds a whole /64,
 * so counting single IPv6 addresses would let one client rotate forever).
 */
export function throttleAddress(address: string | null): string | null {
  if (!address) return null;
  if (isIP(address) === 4) return address;
  if (isIP(address) !== 6) return null;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  // A trailing dotted IPv4 part (::ffff:1.2.3.4) is two groups; it only ever lies past the /64.
  const width = (groups: string[]) => groups.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const groups = [...left, ...Array(Math.max(0, 8 - width(left) - width(right))).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
