import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientAddressFrom, PEER_ADDRESS_HEADER, stampedPeerAddress, stampPeerAddress } from './client-address';
import { normaliseAddress, parseTrustedProxies, resolveClientAddress } from './trusted-proxies';

const none = parseTrustedProxies('');
const ipv4 = fc.ipV4();
const anyIp = fc.oneof(fc.ipV4(), fc.ipV6());
/** Whatever a client may put in a header: addresses, lists of them, garbage. */
const headerValue = fc.oneof(
  anyIp,
  fc.array(fc.oneof(anyIp, fc.string()), { maxLength: 6 }).map((l) => l.join(', ')),
  fc.string(),
);

/** A request as it reaches server/main.ts: the socket's address, and headers the client chose. */
function request(socket: string, headers: Record<string, string>) {
  return { socket: { remoteAddress: socket }, headers: { ...headers } as Record<string, string | string[] | undefined> };
}

describe('stampPeerAddress and clientAddressFrom', () => {
  it('the socket address wins over every header a client can send, when no proxy is trusted', () => {
    fc.assert(
      fc.property(ipv4, headerValue, headerValue, headerValue, (socket, xff, forgedPeer, realIp) => {
        const req = request(socket, { 'x-forwarded-for': xff, [PEER_ADDRESS_HEADER]: forgedPeer, 'x-real-ip': realIp, forwarded: `for=${realIp}` });
        stampPeerAddress(req);
        expect(clientAddressFrom(req.headers, none)).toBe(socket);
      }),
    );
  });

  it('a client-sent peer header is deleted, and one that was never stamped counts for nothing', () => {
    fc.assert(
      fc.property(ipv4, fc.string(), (forged, secretGuess) => {
        expect(stampedPeerAddress(forged)).toBeNull();
        expect(stampedPeerAddress(`${secretGuess} ${forged}`)).toBeNull();
        expect(clientAddressFrom({ [PEER_ADDRESS_HEADER]: `${secretGuess} ${forged}`, 'x-forwarded-for': forged }, none)).toBeNull();
      }),
    );
  });

  it('behind a trusted proxy, the address the proxy appended is the client, whatever the client prepended', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(anyIp, fc.string()), { maxLength: 5 }),
        ipv4.filter((ip) => !ip.startsWith('10.')),
        fc.integer({ min: 1, max: 250 }),
        (spoofed, real, proxy) => {
          const req = request(`10.0.0.${proxy}`, { 'x-forwarded-for': [...spoofed, real].join(', ') });
          stampPeerAddress(req);
          expect(clientAddressFrom(req.headers, trusted)).toBe(real);
        },
      ),
    );
  });

  it('walks past a chain of trusted proxies, and a direct client cannot pose as one', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8, 192.168.1.5, fd00::/8');
    expect(resolveClientAddress('192.168.1.5', '198.51.100.7, 10.1.2.3', trusted)).toBe('198.51.100.7');
    expect(resolveClientAddress('fd00::1', '1.1.1.1, 2001:db8::1', trusted)).toBe('2001:db8::1');
    expect(resolveClientAddress('203.0.113.9', '10.0.0.1', trusted)).toBe('203.0.113.9');
    // Garbage left of our proxy: the proxy is all we know.
    expect(resolveClientAddress('10.0.0.1', 'not-an-ip', trusted)).toBe('10.0.0.1');
    // Only trusted hops: the leftmost is the best we know.
    expect(resolveClientAddress('10.0.0.1', '10.0.0.2', trusted)).toBe('10.0.0.2');
  });

  it('reads addresses as proxies write them', () => {
    expect(normaliseAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normaliseAddress('1.2.3.4:5678')).toBe('1.2.3.4');
    expect(normaliseAddress('unknown')).toBeNull();
    expect(normaliseAddress(undefined)).toBeNull();
  });

  it('is null without a stamp (e.g. under next dev)', () => {
    expect(clientAddressFrom({}, none)).toBeNull();
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': '6.6.6.6' }), none)).toBeNull();
  });
});

describe('parseTrustedProxies', () => {
  it('matches addresses and ranges of both families', () => {
    const list = parseTrustedProxies(' 10.0.0.0/8 ,192.168.1.5,2001:db8::/32, ::1 ');
    expect(list.has('10.200.3.4')).toBe(true);
    expect(list.has('::ffff:10.1.1.1')).toBe(true);
    expect(list.has('192.168.1.5')).toBe(true);
    expect(list.has('192.168.1.6')).toBe(false);
    expect(list.has('2001:db8:ffff::1')).toBe(true);
    expect(list.has('::1')).toBe(true);
    expect(list.has('11.0.0.1')).toBe(false);
    expect(list.has('garbage')).toBe(false);
  });

  it.each(['proxy.example', '10.0.0.0/33', '10.0.0.0/8/1', '::1/129', '10.0.0.0/x'])('refuses %j', (entry) => {
    expect(() => parseTrustedProxies(entry)).toThrowError(/is not an IP address or a CIDR range/);
  });

  it('an empty setting trusts nobody', () => {
    fc.assert(fc.property(anyIp, (ip) => !none.has(ip)));
  });
});
