// The shell: skip link, header with navigation and the persona switch, and the page.
import { Suspense } from 'react';
import { Link, Outlet } from '@tanstack/react-router';
import { PersonaSwitch } from './PersonaSwitch';
import { SignedInAs } from './SignIn';
import { isServerHost } from '../api/access';
import { WhatIfBanner } from './WhatIfBanner';
import { AsOfPicker } from './AsOfPicker';
import { EvidenceToggle } from './EvidenceToggle';
import { Loading } from '../components/QueryState';
import { DEFAULT_PERSONA, useUi } from '../stores/ui';
import { HeaderSearch } from '../features/search/SearchBox';
import { useAdoptingFirstScreen } from './adoption';

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

export function Layout() {
  const persona = useUi((state) => state.persona);
  // Adopting the prerendered first screen: the header as it was prerendered, the viewer's just after.
  const adopting = useAdoptingFirstScreen(!isServerHost() && persona.kind === DEFAULT_PERSONA.kind);
  const navFor = (adopting ? DEFAULT_PERSONA : persona).kind;
  const onServer = !adopting && isServerHost();
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
            {NAV.filter((item) => (!('lndOnly' in item) || navFor === 'lnd') && (!('serverOnly' in item) || onServer)).map((item) => (
              <li key={item.to}>
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
