import { emailWrapParts } from '@/lib/domain/email-wrap';

/**
 * An e-mail address that may wrap after its @, where a reader expects it,
 * and nowhere else: in a narrow table column it takes two lines
 * ("consultant@" / "example.org") instead of being cut inside a name.
 */
export function EmailAddress({ address }: { address: string }) {
  const [name, domain] = emailWrapParts(address);
  if (domain === undefined) return name;
  return (
    <>
      {name}
      <wbr />
      {domain}
    </>
  );
}
