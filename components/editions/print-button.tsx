'use client';

/** Opens the browser's print dialog; the print stylesheet makes the page a clean document. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button button--secondary button--small" onClick={() => window.print()}>
      {label}
    </button>
  );
}
