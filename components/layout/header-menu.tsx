'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * On a phone the header keeps one row: the navigation and the account tools
 * fold behind a Menu disclosure. It is a <details>/<summary>, so it opens and
 * closes without JavaScript (and the browser gives the summary its keyboard
 * use and its expanded state); CSS shows the menu beside an open <details>.
 * The menu stays outside the <details>, so that on wider screens, where the
 * summary is hidden, it shows as before in every browser.
 *
 * With JavaScript it also closes on Escape (focus goes back to the summary),
 * on a click or tap outside it, and when the page changes.
 */
export function HeaderMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const details = useRef<HTMLDetailsElement>(null);
  const wrap = useRef<HTMLDivElement>(null);

  // A link in the menu leads to another page: the menu is closed there.
  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);

  useEffect(() => {
    function outside(event: PointerEvent) {
      if (details.current?.open && !wrap.current?.contains(event.target as Node)) details.current.open = false;
    }
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, []);

  return (
    <div
      ref={wrap}
      className="site-header__menu-wrap"
      onKeyDown={(event) => {
        const menu = details.current;
        if (event.key !== 'Escape' || !menu?.open) return;
        menu.open = false;
        menu.querySelector('summary')?.focus();
      }}
    >
      <details ref={details} className="site-menu-toggle">
        <summary className="button button--quiet" aria-controls="site-menu">
          {label}
        </summary>
      </details>
      <div id="site-menu" className="site-header__menu">
        {children}
      </div>
    </div>
  );
}
