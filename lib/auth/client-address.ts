/**
 * The client's address for login throttling. Next's server appends the socket
 * address to `x-forwarded-for`, so the last entry is the one a client cannot
 * forge (behind a reverse proxy it is the proxy's view of the client).
 */
export function clientAddress(headers: Record<string, string | undefined> | Headers): string | null {
  const raw = headers instanceof Headers ? headers.get('x-forwarded-for') : headers['x-forwarded-for'];
  if (!raw) return null;
  const parts = raw.split(',').map((p) => p.trim()).filter(Boolean);
  return parts.at(-1)?.slice(0, 100) ?? null;
}
