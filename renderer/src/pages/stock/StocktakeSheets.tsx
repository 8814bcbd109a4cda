import type { Result } from '@shared/core/contract';
import { villageTime } from '../../format';
import { Signatures } from './shared';
import { useStockText } from './text';

type Sheet = Result<'stock.stocktakeGet'>;
type Item = Result<'catalog.list'>['items'][number];

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The stocktake sheet as kept on file (盘点表): every counted line, expected against counted. */
export function StocktakeSheet({ sheet, village, timeZone }: { sheet: Sheet; village: string; timeZone: string }) {
  const { s } = useStockText();
  return (
    <>
      <h1>{s('sheetTitle', { village })}</h1>
      <div className="doc-meta">
        <span>
          {s('noteNo')}：<b data-testid="sheet-no">{sheet.sheetNo}</b>
        </span>
        <span>
          {s('date')}：{sheet.date} {villageTime(sheet.at, timeZone)}
        </span>
        <span>{sheet.scope === 'all' ? s('scopeAll') : s('scopePartial')}</span>
        <span>
          {s('operator')}：{sheet.userName}
        </span>
      </div>
      {sheet.note && (
        <div>
          {s('note')}：{sheet.note}
        </div>
      )}
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>{s('item')}</th>
            <th>{s('barcode')}</th>
            <th>{s('unit')}</th>
            <th className="n">{s('expected')}</th>
            <th className="n">{s('counted')}</th>
            <th className="n">{s('variance')}</th>
            <th>{s('reason')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.lines.map((l, i) => (
            <tr key={l.itemId} data-testid="sheet-line">
              <td>{i + 1}</td>
              <td>{l.name}</td>
              <td>{l.barcode ?? ''}</td>
              <td>{l.unit}</td>
              <td className="n">{l.expectedQty}</td>
              <td className="n">{l.countedQty}</td>
              <td className="n">{l.delta === 0 ? '0' : signed(l.delta)}</td>
              <td>{l.reason}</td>
            </tr>
          ))}
          <tr className="total">
            <td colSpan={6}>
              {s('surplusQty')} {sheet.surplusQty} · {s('shortageQty')} {sheet.shortageQty}
            </td>
            <td className="n">{sheet.varianceCount}</td>
            <td />
          </tr>
        </tbody>
      </table>
      <Signatures keys={['signShop', 'signCheck', 'signLeader']} />
    </>
  );
}

/** The public notice (盘点公示) the village posts: what did not match, and why. */
export function StocktakeNotice({ sheet, village }: { sheet: Sheet; village: string }) {
  const { s } = useStockText();
  const variances = sheet.lines.filter((l) => l.delta !== 0);
  return (
    <>
      <h1>{s('noticeTitle', { village })}</h1>
      <p className="notice-body">{s('noticeIntro', { date: sheet.date, no: sheet.sheetNo, n: sheet.lineCount, v: sheet.varianceCount })}</p>
      {variances.length === 0 ? (
        <p className="notice-body">{s('noticeNoVariance')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>{s('item')}</th>
              <th>{s('unit')}</th>
              <th className="n">{s('expected')}</th>
              <th className="n">{s('counted')}</th>
              <th className="n">{s('variance')}</th>
              <th>{s('reason')}</th>
            </tr>
          </thead>
          <tbody>
            {variances.map((l, i) => (
              <tr key={l.itemId} data-testid="notice-line">
                <td>{i + 1}</td>
                <td>{l.name}</td>
                <td>{l.unit}</td>
                <td className="n">{l.expectedQty}</td>
                <td className="n">{l.countedQty}</td>
                <td className="n">{signed(l.delta)}</td>
                <td>{l.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="notice-body">{s('noticeOutro')}</p>
      <div className="notice-sign">
        {s('villageCommittee', { village })}
        <br />
        {sheet.date}
      </div>
    </>
  );
}

/** A blank count sheet to count on paper: expected quantities, and empty columns to write in. */
export function BlankCountSheet({ items, village, today }: { items: Item[]; village: string; today: string }) {
  const { s } = useStockText();
  return (
    <>
      <h1>{s('blankSheetTitle', { village })}</h1>
      <div className="doc-meta">
        <span>
          {s('date')}：{today}
        </span>
      </div>
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>{s('item')}</th>
            <th>{s('barcode')}</th>
            <th>{s('unit')}</th>
            <th className="n">{s('expected')}</th>
            <th className="blank">{s('counted')}</th>
            <th className="blank">{s('variance')}</th>
            <th className="blank">{s('reason')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((g, i) => (
            <tr key={g.id} data-testid="blank-line">
              <td>{i + 1}</td>
              <td>{g.name}</td>
              <td>{g.barcode ?? ''}</td>
              <td>{g.unit}</td>
              <td className="n">{g.stock}</td>
              <td />
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <Signatures keys={['signShop', 'signCheck']} />
    </>
  );
}
