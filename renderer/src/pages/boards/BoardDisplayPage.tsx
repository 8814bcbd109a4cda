import { FullscreenOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { useSignedIn } from '../../session';
import { displaySlides, hashParams } from './slides';
import { quarterKey, useBoardText } from './text';
import './boards.css';

type Published = Result<'boards.published'>;

const clockFormat = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * #/board-display: the TV in the supermarket. Shows the newest published board (never an unpublished
 * one: a name goes up on the black board only once the village has published it), red and black in
 * turn, and picks up a new publication or a withdrawal within a minute. ?interval=seconds (0 = still),
 * ?slide=black to start on the black board.
 */
export function BoardDisplayPage() {
  const { b } = useBoardText();
  const { lang } = useI18n();
  const { village } = useSignedIn();
  const params = hashParams(window.location.hash);
  const interval = params.has('interval') ? Number(params.get('interval')) : 12;
  const [pub, setPub] = useState<Published | undefined>(undefined);
  const [index, setIndex] = useState(0);
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    let alive = true;
    const load = () =>
      call('boards.published', {}).then(
        (p) => alive && setPub(p),
        () => undefined,
      );
    void load();
    const poll = window.setInterval(load, 60_000);
    const tick = window.setInterval(() => setNow(new Date()), 15_000);
    return () => {
      alive = false;
      window.clearInterval(poll);
      window.clearInterval(tick);
    };
  }, []);

  const slides = useMemo(() => (pub?.board ? displaySlides(pub.board.red, pub.board.black, 10) : []), [pub]);
  useEffect(() => {
    const start = params.get('slide') === 'black' ? slides.findIndex((s) => s.kind === 'black') : 0;
    setIndex(Math.max(0, start));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slides]);
  useEffect(() => {
    if (!interval || slides.length < 2) return;
    const t = window.setInterval(() => setIndex((i) => (i + 1) % slides.length), interval * 1000);
    return () => window.clearInterval(t);
  }, [interval, slides.length]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === ' ') setIndex((i) => (slides.length ? (i + 1) % slides.length : 0));
      if (e.key === 'ArrowLeft') setIndex((i) => (slides.length ? (i - 1 + slides.length) % slides.length : 0));
      if (e.key === 'Backspace') window.location.hash = '#/boards';
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [slides.length]);

  const fs = (
    <Button
      className="tv-fs"
      icon={<FullscreenOutlined />}
      data-testid="tv-fullscreen"
      onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
    >
      {b('fullscreen')}
    </Button>
  );
  const clock = <div className="clock">{clockFormat(village.timeZone).format(now)}</div>;

  if (pub === undefined) return <div className="tv empty" data-testid="tv" />;
  if (!pub?.board || slides.length === 0) {
    return (
      <div className="tv empty" data-testid="tv">
        <div className="tv-head">
          <div>
            <div className="village">{village.name}</div>
            <div className="title">{b('boardsTitle')}</div>
          </div>
          <div className="meta">{clock}</div>
        </div>
        <div className="tv-empty" data-testid="tv-nothing">
          {b('displayNothing')}
          <small>{b('displayNothingHint')}</small>
        </div>
        {fs}
      </div>
    );
  }
  const slide = slides[Math.min(index, slides.length - 1)];
  const board = pub.board;
  return (
    <div className={`tv ${slide.kind}`} data-testid="tv" data-slide={slide.kind}>
      <div className="tv-head">
        <div>
          <div className="village">
            {village.name} · {lang === 'zh' ? `${board.year}年${b(quarterKey(board.quarter))}` : `${b(quarterKey(board.quarter))} ${board.year}`}
          </div>
          <div className="title" data-testid="tv-title">
            {b(slide.kind === 'red' ? 'redBoard' : 'blackBoard')}
          </div>
        </div>
        <div className="meta">
          {clock}
          <div>{board.basis === 'ytd' ? b('basisYtd') : b('basisQuarter')}</div>
          <div>{b('period', { from: board.from, to: board.to })}</div>
        </div>
      </div>
      {slide.rows.length === 0 ? (
        <div className="tv-empty">{b(slide.kind === 'red' ? 'redEmpty' : 'blackEmpty')}</div>
      ) : (
        <div className="tv-rows">
          {slide.rows.map((r) => (
            <div className="tv-row" key={r.householdId} data-testid="tv-row">
              <div className={`rank${r.rank <= 3 ? ' top' : ''}`}>{r.rank}</div>
              <div className="who">
                <div className="name">{r.headName}</div>
                <div className="grp">{r.group}</div>
              </div>
              <div className="pts">
                {r.score}
                <small>{b('points')}</small>
              </div>
            </div>
          ))}
        </div>
      )}
      <div className="tv-foot">
        <span>{slide.pages > 1 ? b('displayPage', { n: slide.page, m: slide.pages }) : b('tieNote')}</span>
        <div className="tv-dots">
          {slides.map((s, i) => (
            <i key={i} className={i === index ? 'on' : ''} />
          ))}
        </div>
      </div>
      {fs}
    </div>
  );
}
