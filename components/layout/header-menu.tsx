'use client';

import { usePathname } from 'next/navigation';
import { useRef, useState } from 'react';

/**
 * On a phone the header keeps one row: the navigation and the account tools
 * fold behind a Menu button (a disclosure: aria-expanded, Escape closes). On
 * wider screens the button is hidden and everything shows as before. The menu
 * closes when the page changes: it is open only for the path it was opened on.
 */
export function HeaderMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const toggle = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={toggle}
        type="button"
        className="site-menu-toggle button button--quiet"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        {label}
      </button>
      <div
        id="site-menu"
        className="site-header__menu"
        data-open={open || undefined}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !open) return;
          setOpenOn(null);
          toggle.current?.focus();
        }}
      >
        {children}
      </div>
    </>
  );
}
