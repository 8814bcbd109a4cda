import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './office.css';

/**
 * What window.print() prints: its children, portalled into #print-root beside the app. Print CSS
 * hides everything else, so a sheet of cards or a passbook prints alone on A4, while the screen shows
 * the same component as a preview.
 */
export function PrintArea({ children }: { children: ReactNode }) {
  const [root, setRoot] = useState<HTMLElement | null>(null);
  useEffect(() => {
    let el = document.getElementById('print-root');
    if (!el) {
      el = document.createElement('div');
      el.id = 'print-root';
      document.body.appendChild(el);
    }
    setRoot(el);
  }, []);
  return root ? createPortal(children, root) : null;
}
