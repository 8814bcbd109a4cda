import type { Result } from '@shared/core/contract';
import { useBoardText } from './text';
import './boards.css';

export type BoardData = Result<'boards.quarter'>;
export type BoardRow = BoardData['red'][number];

/** One board as a card: the red one (highest scores) or the black one (lowest negative scores). */
export function BoardTable({ kind, rows }: { kind: 'red' | 'black'; rows: readonly BoardRow[] }) {
  const { b } = useBoardText();
  return (
    <div className={`board-card ${kind}`} data-testid={`board-${kind}`}>
      <div className="board-head">
        <span>{b(kind === 'red' ? 'redBoard' : 'blackBoard')}</span>
        <small>
          {rows.length} {b('households')}
        </small>
      </div>
      {rows.length === 0 ? (
        <div className="board-empty">{b(kind === 'red' ? 'redEmpty' : 'blackEmpty')}</div>
      ) : (
        <table className="board-table">
          <thead>
            <tr>
              <th>{b('rank')}</th>
              <th>{b('headName')}</th>
              <th>{b('group')}</th>
              <th>{b('cardNo')}</th>
              <th className="n">{b('score')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.householdId} data-testid={`${kind}-row`}>
                <td>
                  <span className={`rank-badge${r.rank <= 3 ? ' top' : ''}`}>{r.rank}</span>
                </td>
                <td style={{ fontWeight: 700 }} data-user-text>
                  {r.headName}
                </td>
                <td data-user-text>{r.group}</td>
                <td className="muted">{r.cardNo}</td>
                <td className="n" style={{ fontWeight: 700, color: kind === 'red' ? '#b91c1c' : '#1f2937' }}>
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

/** This year and the four before it: points never carry over, so older years are history. */
export const yearOptions = (thisYear: number): number[] => [0, 1, 2, 3, 4].map((i) => thisYear - i);
