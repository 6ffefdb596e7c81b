/**
 * Where an e-mail address may wrap: right after its (last) @, so that a narrow
 * column shows "consultant@" over "example.org" rather than cutting a name.
 * Returns the address whole when it has no @ with text on both sides.
 */
export function emailWrapParts(address: string): [string] | [string, string] {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return [address];
  return [address.slice(0, at + 1), address.slice(at + 1)];
}
