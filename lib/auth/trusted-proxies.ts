import { BlockList, isIP } from 'node:net';

/**
 * `TRUSTED_PROXIES`: the reverse proxies whose `X-Forwarded-For` we believe, as
 * comma-separated addresses or CIDR ranges (`10.0.0.0/8, 192.168.1.5, fd00::/8`).
 * Pure: lib/env.ts validates the setting with it, lib/auth/client-address.ts uses it.
 */
export interface TrustedProxies {
  has(address: string): boolean;
}

/** An address as a client or proxy may write it, reduced to the bare IP (`[::1]:80` → `::1`, `::ffff:1.2.3.4` → `1.2.3.4`), or null. */
export function normaliseAddress(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1];
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(value);
  if (withPort) value = withPort[1];
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1];
  const version = isIP(value);
  if (version === 0) return null;
  return version === 6 ? value.toLowerCase() : value;
}

/** Parses the setting; throws an Error naming the first entry that is not an address or range. */
export function parseTrustedProxies(setting: string | undefined): TrustedProxies {
  const list = new BlockList();
  let empty = true;
  for (const raw of (setting ?? '').split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, bits, extra] = entry.split('/');
    const ip = normaliseAddress(address);
    const family = ip && isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    const max = family === 'ipv6' ? 128 : 32;
    const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
    if (!ip || extra !== undefined || !(prefix >= 0 && prefix <= max)) {
      throw new Error(`"${entry}" is not an IP address or a CIDR range such as 10.0.0.0/8`);
    }
    if (prefix === max) list.addAddress(ip, family);
    else list.addSubnet(ip, prefix, family);
    empty = false;
  }
  return {
    has: (address) => {
      if (empty) return false;
      const ip = normaliseAddress(address);
      return ip !== null && list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/**
 * The client behind a connection from `peer`. A peer that is not a trusted
 * proxy is the client, whatever headers it sent. A trusted proxy appended the
 * address it saw to `X-Forwarded-For`, so we walk that list from the right,
 * past our own proxies, to the first address none of them vouches for; all
 * entries left of it were written by the client and mean nothing.
 */
export function resolveClientAddress(
  peer: string | null | undefined,
  forwardedFor: string | null | undefined,
  trusted: TrustedProxies,
): string | null {
  let client = normaliseAddress(peer);
  if (!client || !trusted.has(client)) return client;
  const hops = (forwardedFor ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    // Not an address: whoever wrote it is not a proxy of ours; the last trusted hop is all we know.
    if (!hop) return client;
    client = hop;
    if (!trusted.has(hop)) return hop;
  }
  return client;
}
