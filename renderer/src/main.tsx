import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CareProvider } from './care/CareProvider';
import { DisplayApp } from './display/DisplayApp';
import { I18nProvider } from './i18n/I18nProvider';
import { SessionProvider } from './session';
import './styles.css';

// The county server serves this same build: its health says role 'county', and the county's pages
// (their own chunk) run instead of the village app. Electron and village servers never load them.
const CountyApp = lazy(() => import('./county/CountyApp'));

async function serverRole(): Promise<string | null> {
  if (typeof window !== 'undefined' && window.pos) return null;
  try {
    const res = await fetch('api/health', { cache: 'no-store' });
    return ((await res.json()) as { result?: { role?: string } }).result?.role ?? null;
  } catch {
    return null;
  }
}

// The customer display (a second window on the counter's machine) has no session and no server calls.
const isCustomerDisplay = /^#\/display(?:[/?]|$)/.test(window.location.hash);

void (isCustomerDisplay ? Promise.resolve(null) : serverRole()).then((role) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        {isCustomerDisplay ? (
          <DisplayApp />
        ) : role === 'county' ? (
          <Suspense fallback={null}>
            <CountyApp />
          </Suspense>
        ) : (
          <CareProvider>
            <SessionProvider>
              <App />
            </SessionProvider>
          </CareProvider>
        )}
      </I18nProvider>
    </StrictMode>,
  );
});
