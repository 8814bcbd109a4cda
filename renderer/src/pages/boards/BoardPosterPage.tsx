import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/I18nProvider';
import { useSignedIn } from '../../session';
import { PrintArea } from '../office/PrintArea';
import type { BoardData, BoardRow } from './shared';
import { hashParams, quarterOfDate } from './slides';
import { villageDate } from '../../format';
import { quarterKey, useBoardText } from './text';

function Section({ kind, rows, copy }: { kind: 'red' | 'black'; rows: readonly BoardRow[]; copy?: boolean }) {
  const { b } = useBoardText();
  return (
    <div className={`section ${kind}`}>
      <div className="section-head">
        <b>{b(kind === 'red' ? 'redBoard' : 'blackBoard')}</b>
        <span>{b(kind === 'red' ? 'posterRedMotto' : 'posterBlackMotto')}</span>
      </div>
      {rows.length === 0 ? (
        <div className="empty">{b(kind === 'red' ? 'redEmpty' : 'blackEmpty')}</div>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{b('rank')}</th>
              <th>{b('headName')}</th>
              <th>{b('group')}</th>
              <th className="n">{b('score')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.householdId} data-testid={copy ? undefined : `poster-${kind}-row`}>
                <td className="rank">
                  <span className={`rank-badge${r.rank <= 3 ? ' top' : ''}`}>{r.rank}</span>
                </td>
                <td style={{ fontWeight: 700 }}>{r.headName}</td>
                <td>{r.group}</td>
                <td className="n" style={{ fontWeight: 800 }}>
                  {r.score}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * The A4 poster for the village notice board: the published board, or a draft marked as such.
 * `copy` is the second one, in #print-root, that only the printer sees.
 */
function Poster({ data, villageName, timeZone, today, copy }: { data: BoardData; villageName: string; timeZone: string; today: string; copy?: boolean }) {
  const { b } = useBoardText();
  const { lang } = useI18n();
  const pub = data.publication;
  const board = pub?.board ?? data;
  const date = pub ? villageDate(pub.at, timeZone) : today;
  return (
    <div className="poster" data-testid={copy ? undefined : 'board-poster-sheet'}>
      {!pub && <div className="draft-mark">{b('posterDraft')}</div>}
      <div className="village">{villageName}</div>
      <h1>{b('posterTitle', { year: board.year, quarter: b(quarterKey(board.quarter)) })}</h1>
      <div className="sub">
        {board.basis === 'ytd' ? b('basisYtd') : b('basisQuarter')} · {b('period', { from: board.from, to: board.to })}
      </div>
      <Section kind="red" rows={board.red} copy={copy} />
      <Section kind="black" rows={board.black} copy={copy} />
      <div className="notice">{b('posterNotice')}</div>
      <div className="footer">
        <span>{b('posterFooter', { village: villageName.replace(/村$/, '') })}</span>
        {/* A notice posted in the village is dated the formal Chinese way; English keeps the app's one format. */}
        <span>{lang === 'zh' ? date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`) : date}</span>
      </div>
    </div>
  );
}

/** #/board-poster?year=&quarter=: a print page. The browser's print dialog makes the PDF. */
export function BoardPosterPage() {
  const { b } = useBoardText();
  const { errorText } = useI18n();
  const { village, today } = useSignedIn();
  const params = hashParams(window.location.hash);
  const year = Number(params.get('year')) || Number(today.slice(0, 4));
  const quarter = (Number(params.get('quarter')) || quarterOfDate(today)) as 1 | 2 | 3 | 4;
  const [data, setData] = useState<BoardData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('boards.quarter', { year, quarter }).then(setData, (e: unknown) => setError(errorText(e)));
  }, [year, quarter, errorText]);

  const props = data ? { data, villageName: village.name, timeZone: village.timeZone, today } : null;
  return (
    <div className="poster-page">
      <div className="poster-toolbar">
        <Button
          icon={<ArrowLeftOutlined />}
          data-testid="poster-back"
          onClick={() => {
            window.location.hash = '#/boards';
          }}
        >
          {b('back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} data-testid="poster-print" disabled={!data} onClick={() => window.print()}>
          {b('print')}
        </Button>
      </div>
      <ErrorBanner text={error} />
      {props ? (
        <Poster {...props} />
      ) : (
        <div style={{ textAlign: 'center', padding: 60 }}>
          <Spin />
        </div>
      )}
      {props && (
        <PrintArea>
          <Poster {...props} copy />
        </PrintArea>
      )}
    </div>
  );
}
