import type { Result } from '@shared/core/contract';
import { villageTime } from '../../format';
import { formatYuan } from './money';
import { Signatures } from './shared';
import { useStockText, type TextKey } from './text';

type Note = Result<'stock.note'>;

/** The printed receiving note (入库单): lines with their purse, subtotals per purse, signatures. */
export function ReceivingNoteSheet({ note, village, timeZone }: { note: Note; village: string; timeZone: string }) {
  const { s } = useStockText();
  const src = (f: string) => s(f as TextKey);
  return (
    <>
      <h1>{s('noteTitle', { village })}</h1>
      <div className="doc-meta">
        <span>
          {s('noteNo')}：<b data-testid="note-no">{note.noteNo}</b>
        </span>
        <span>
          {s('date')}：{note.date} {villageTime(note.at, timeZone)}
        </span>
        <span>
          {s('receivedBy')}：{note.userName}
        </span>
      </div>
      {note.note && (
        <div>
          {s('noteText')}：{note.note}
        </div>
      )}
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>{s('item')}</th>
            <th>{s('barcode')}</th>
            <th className="n">{s('qty')}</th>
            <th>{s('unit')}</th>
            <th>{s('fundingSource')}</th>
            <th>{s('donor')}</th>
            <th className="n">{s('unitCost')}</th>
            <th className="n">{s('amount')}</th>
          </tr>
        </thead>
        <tbody>
          {note.lines.map((l, i) => (
            <tr key={i} data-testid="note-line">
              <td>{i + 1}</td>
              <td>{l.name}</td>
              <td>{l.barcode ?? ''}</td>
              <td className="n">{l.qty}</td>
              <td>{l.unit}</td>
              <td>{src(l.fundingSource)}</td>
              <td>{l.donor ?? ''}</td>
              <td className="n">{l.unitCostFen === null ? s('noCost') : formatYuan(l.unitCostFen)}</td>
              <td className="n">{formatYuan(l.valueFen)}</td>
            </tr>
          ))}
          <tr className="total">
            <td colSpan={3}>{s('total')}</td>
            <td className="n">{note.totals.qty}</td>
            <td colSpan={4} />
            <td className="n" data-testid="note-total">
              {formatYuan(note.totals.valueFen)}
            </td>
          </tr>
        </tbody>
      </table>
      <div style={{ fontWeight: 700 }}>{s('bySourceTitle')}</div>
      <table>
        <thead>
          <tr>
            <th>{s('fundingSource')}</th>
            <th>{s('donor')}</th>
            <th className="n">{s('qty')}</th>
            <th className="n">{s('amount')}</th>
          </tr>
        </thead>
        <tbody>
          {note.bySource.map((b, i) => (
            <tr key={i} data-testid="note-source">
              <td>{src(b.fundingSource)}</td>
              <td>{b.donor ?? ''}</td>
              <td className="n">{b.qty}</td>
              <td className="n">{formatYuan(b.valueFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Signatures keys={['signShop', 'signCheck', 'signLeader']} />
    </>
  );
}
