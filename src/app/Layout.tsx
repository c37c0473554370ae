// The shell: skip link, header with navigation and the persona switch, and the page.
import { Suspense, useLayoutEffect } from 'react';
import { Link, Outlet } from '@tanstack/react-router';
import { PersonaSwitch } from './PersonaSwitch';
import { SignedInAs } from './SignIn';
import { isServerHost } from '../api/access';
import { WhatIfBanner } from './WhatIfBanner';
import { AsOfPicker } from './AsOfPicker';
import { EvidenceToggle } from './EvidenceToggle';
import { Loading } from '../components/QueryState';
import { useUi } from '../stores/ui';
import { HeaderSearch } from '../features/search/SearchBox';
import { useAdoptingFirstScreen } from './adoption';
import { markViewer } from './viewerMark';

const NAV = [
  { to: '/', label: 'Overview' },
  { to: '/heatmap', label: 'Heatmap' },
  { to: '/teams', label: 'Teams' },
  { to: '/goals', label: 'Goals' },
  { to: '/plan', label: 'Plan' },
  { to: '/catalog', label: 'Roles & catalog' },
  { to: '/import', label: 'Import', lndOnly: true },
  { to: '/reports', label: 'Reports' },
  { to: '/glossary', label: 'Glossary' },
  { to: '/access', label: 'People & access', lndOnly: true, serverOnly: true },
  { to: '/audit', label: 'Audit log', lndOnly: true, serverOnly: true },
] as const;

/** Whom a navigation item is for (styles.css hides it from the others): `lnd` the L&D manager's, `server` on a server only. */
function navAudience(item: (typeof NAV)[number]): string | undefined {
  const audience: string[] = [];
  if ('lndOnly' in item) audience.push('lnd');
  if ('serverOnly' in item) audience.push('server');
  return audience.join(' ') || undefined;
}

export function Layout() {
  const persona = useUi((state) => state.persona);
  // Adopting the prerendered first screen: its header controls as they were prerendered (hidden
  // until the app has taken over), the viewer's just after.
  const adopting = useAdoptingFirstScreen();
  const onServer = !adopting && isServerHost();
  // Every item is in the markup for every viewer, so the prerendered navigation is everyone's; the
  // page is marked with who is looking (viewerMark.ts) and styles.css shows theirs, from the first
  // paint on (index.html's inline script, or gapmap serve, marks it before the app runs).
  useLayoutEffect(() => markViewer(persona.kind, isServerHost()), [persona.kind]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Gapmap</span>
        </div>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.to} data-nav={navAudience(item)}>
                <Link to={item.to} activeOptions={{ exact: item.to === '/', includeSearch: false }} activeProps={{ 'aria-current': 'page', className: 'active' }}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-controls">
          <HeaderSearch />
          <AsOfPicker />
          <EvidenceToggle />
          {adopting ? <PersonaSwitch asPrerendered /> : onServer ? <SignedInAs /> : <PersonaSwitch />}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading label="Starting Gapmap" />}>
          <WhatIfBanner />
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
