import Link from 'next/link';

/** The app's name and mark, linking home; in both headers (app and public pages). */
export function Brand({ name }: { name: string }) {
  return (
    <Link href="/" className="brand">
      <span className="brand__mark" aria-hidden="true">
        MGI
      </span>
      <span>{name}</span>
    </Link>
  );
}
