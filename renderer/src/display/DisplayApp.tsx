import { CheckCircleFilled } from '@ant-design/icons';
import { useEffect, useState, type ReactNode } from 'react';
import { formatPoints } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { displayChannelName, parseDisplayMessage, type DisplayState, type DisplayView } from './messages';
import { useDisplayText } from './text';
import { msUntilIdle, screenAt } from './view';
import './display.css';

/**
 * The customer display (#/display): what the villager at the counter sees, in large type. It has no
 * menus, no session and calls no API; everything comes from the counter over the channel.
 */
export function DisplayApp() {
  const { setLang } = useI18n();
  const [state, setState] = useState<DisplayState | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const ch = new BroadcastChannel(displayChannelName);
    ch.onmessage = (e: MessageEvent) => {
      const msg = parseDisplayMessage(e.data);
      if (msg?.kind !== 'state') return;
      setState(msg);
      setNow(Date.now());
    };
    ch.postMessage({ kind: 'hello' });
    return () => ch.close();
  }, []);

  const lang = state?.lang;
  useEffect(() => {
    if (lang) setLang(lang);
  }, [lang, setLang]);

  const view = state ? screenAt(state.view, now) : ({ screen: 'idle' } as const);
  const wait = state ? msUntilIdle(state.view, now) : null;
  useEffect(() => {
    if (wait === null) return;
    const timer = window.setTimeout(() => setNow(Date.now()), wait);
    return () => window.clearTimeout(timer);
  }, [wait]);

  return (
    <div className="cdisplay" data-testid="customer-display" data-screen={view.screen}>
      <Screen view={view} village={state?.village ?? ''} />
    </div>
  );
}

function Screen({ view, village }: { view: DisplayView; village: string }) {
  const d = useDisplayText();
  const pts = (n: number) => `${formatPoints(n)} ${d('pointsUnit')}`;
  switch (view.screen) {
    case 'idle':
      return (
        <div className="cd-idle">
          <div className="cd-logo" aria-hidden>
            积
          </div>
          <div className="cd-welcome">{d('welcome')}</div>
          <div className="cd-village" data-testid="display-village">
            {village ? `${village} · ${d('appName')}` : d('appName')}
          </div>
          <div className="cd-hint">{d('idleHint')}</div>
        </div>
      );
    case 'done':
      return (
        <div className="cd-done">
          <CheckCircleFilled className="cd-ok-icon" />
          <div className="cd-ok">{d('done')}</div>
          <div className="cd-name">{view.name}</div>
          <div className="cd-facts">
            <Fact label={d('receiptNo')} testId="display-receipt-no">
              {view.receiptNo}
            </Fact>
            <Fact label={d('total')}>{pts(view.total)}</Fact>
            <Fact label={d('left')} valueClass="cd-left" testId="display-left">
              {pts(view.left)}
            </Fact>
          </div>
          <div className="cd-hint">{d('thanks')}</div>
        </div>
      );
    case 'cart':
      return (
        <div className="cd-cart">
          <div className="cd-who">
            <div className="cd-name" data-testid="display-household">
              {view.household.name}
            </div>
            <div className="cd-acct">
              <Fact label={d('score', { year: view.household.year })} testId="display-score">
                {formatPoints(view.household.score)}
              </Fact>
              <Fact label={d('available')} valueClass="cd-available" testId="display-available">
                {formatPoints(view.household.available)}
              </Fact>
            </div>
          </div>
          <div className="cd-lines">
            <div className="cd-line cd-head">
              <span>{d('colItem')}</span>
              <span>{d('colQty')}</span>
              <span>{d('colPoints')}</span>
            </div>
            {view.lines.length === 0 && <div className="cd-empty">{d('cartEmpty')}</div>}
            {view.lines.map((l, i) => (
              <div className="cd-line" key={i} data-testid="display-line">
                <span className="cd-item">{l.name}</span>
                <span>× {l.qty}</span>
                <span>{formatPoints(l.points)}</span>
              </div>
            ))}
          </div>
          <div className="cd-foot">
            <Fact label={d('total')} valueClass="cd-total" testId="display-total">
              {formatPoints(view.total)}
            </Fact>
            <Fact label={d('left')} valueClass={`cd-left${view.left < 0 ? ' neg' : ''}`} testId="display-left">
              {formatPoints(view.left)}
            </Fact>
          </div>
        </div>
      );
  }
}

/** One figure under its small label: the villager reads the label once and the number from afar. */
function Fact({ label, valueClass, testId, children }: { label: string; valueClass?: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <span className="cd-label">{label}</span>
      <b className={valueClass} data-testid={testId}>
        {children}
      </b>
    </div>
  );
}
