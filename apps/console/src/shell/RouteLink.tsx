import type { MouseEvent, ReactNode } from 'react';
import { BASE, navigate } from '../app/router';

/**
 * A link to a console route: a real address (so it opens in a new tab, copies, shows in the
 * status bar), followed inside the page on a plain click.
 */
export function RouteLink({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={`${BASE}${to}`} onClick={follow} className={className}>
      {children}
    </a>
  );
}
