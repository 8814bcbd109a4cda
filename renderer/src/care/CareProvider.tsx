import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { careIsOn, careStorageKey, parseCareChoice, type CareChoice } from './care-setting';
import './care.css';

interface Care {
  on: boolean;
  setOn(on: boolean): void;
  setPageDefault(on: boolean): void;
}

const CareContext = createContext<Care | null>(null);

function readChoice(): CareChoice {
  try {
    return parseCareChoice(localStorage.getItem(careStorageKey));
  } catch {
    return null;
  }
}

/** Holds this terminal's care choice and puts `care` on <html> for the styles antd's tokens do not reach. */
export function CareProvider({ children }: { children: ReactNode }) {
  const [choice, setChoice] = useState<CareChoice>(readChoice);
  const [pageDefault, setPageDefault] = useState(false);
  const on = careIsOn(choice, pageDefault);

  const setOn = useCallback((next: boolean) => {
    const value = next ? 'on' : 'off';
    setChoice(value);
    try {
      localStorage.setItem(careStorageKey, value);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }, []);

  // Another window of this terminal (a second counter tab) flipped the switch: follow it.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === careStorageKey) setChoice(parseCareChoice(e.newValue));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  useLayoutEffect(() => {
    document.documentElement.classList.toggle('care', on);
  }, [on]);

  const value = useMemo(() => ({ on, setOn, setPageDefault }), [on, setOn]);
  return <CareContext.Provider value={value}>{children}</CareContext.Provider>;
}

export function useCare(): Care {
  const ctx = useContext(CareContext);
  if (!ctx) throw new Error('useCare outside CareProvider');
  return ctx;
}

/** A page that wants care mode unless this terminal turned it off (the providers' phone page). */
export function useCareByDefault(): void {
  const { setPageDefault } = useCare();
  // Layout effect: the phone never paints one frame in small type first.
  useLayoutEffect(() => {
    setPageDefault(true);
    return () => setPageDefault(false);
  }, [setPageDefault]);
}
