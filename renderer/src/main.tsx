import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
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

void serverRole().then((role) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        {role === 'county' ? (
          <Suspense fallback={null}>
            <CountyApp />
          </Suspense>
        ) : (
          <SessionProvider>
            <App />
          </SessionProvider>
        )}
      </I18nProvider>
    </StrictMode>,
  );
});
