import { Button, Modal, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Result } from '@shared/core/contract';
import { formatPoints } from '../../format';
import { Barcode, QrCode } from './Codes';
import { cardsPerSheet, chunk, columnsOf } from './ledger-view';
import { PrintArea } from './PrintArea';
import type { Notice } from './NoticeNote';
import { useOfficeText, type OfficeKey } from './text';

export interface CardHousehold {
  id: number;
  cardNo: string;
  headName: string;
  group: string;
}

/** A4 sheets of points cards: the head's name, card number as Code128 and as QR. */
export function CardSheets({
  households,
  villageName,
  villagerUrls,
}: {
  households: CardHousehold[];
  villageName: string;
  /** Each household's villager page (its QR token at the county), once the village is paired with the county. */
  villagerUrls?: Record<number, string | null>;
}) {
  const tx = useOfficeText();
  return (
    <>
      {chunk(households, cardsPerSheet).map((sheet, i) => (
        <div className="a4 card-sheet" key={i} data-testid="card-sheet">
          {sheet.map((h) => (
            <div className={`points-card${villagerUrls?.[h.id] ? ' with-villager' : ''}`} key={h.id} data-testid="points-card">
              <div className="pc-village">
                {villageName} · {tx('cardTitle')}
              </div>
              <div className="pc-who">
                <div className="pc-name">{h.headName}</div>
                <div className="pc-meta">{h.group}</div>
              </div>
              <div className="pc-qr">
                <QrCode value={h.cardNo} />
              </div>
              {villagerUrls?.[h.id] && <VillagerQr url={villagerUrls[h.id]!} size={72} />}
              <div className="pc-code">
                <Barcode value={h.cardNo} />
              </div>
            </div>
          ))}
        </div>
      ))}
    </>
  );
}

/** The villager's own QR: opens the household's read-only page on the county server (a revocable token, never the card number). */
export function VillagerQr({ url, size = 84 }: { url: string; size?: number }) {
  const tx = useOfficeText();
  return (
    <div className="pc-villager" data-testid="villager-qr" data-url={url}>
      <QrCode value={url} size={size} testId="villager-qr-img" />
      <div>{tx('villagerQrLabel')}</div>
    </div>
  );
}

type LedgerItems = Result<'ledger.list'>['items'];
type HouseholdInfo = Result<'households.get'>['household'];

/** The passbook (积分存折) / printed ledger of one household and year, with running totals. */
export function PassbookSheet({
  household,
  year,
  items,
  villageName,
  title,
  villagerUrl,
  notice,
}: {
  household: HouseholdInfo;
  year: number;
  items: LedgerItems;
  villageName: string;
  title?: string;
  villagerUrl?: string | null;
  notice?: Notice | null;
}) {
  const tx = useOfficeText();
  const last = items.at(-1);
  const redeemed = items.filter((r) => r.status === 'approved' && (r.kind === 'redemption' || r.kind === 'void')).reduce((s, r) => s - r.points, 0);
  return (
    <div className="a4 passbook" data-testid="passbook-sheet">
      <h1>
        {villageName} {year} 年{title ?? tx('passbookTitle')}
      </h1>
      {villagerUrl && (
        <div className="pb-villager">
          <VillagerQr url={villagerUrl} />
        </div>
      )}
      <div className="pb-head">
        <span>
          {tx('colHead')}：<b>{household.headName}</b>
        </span>
        <span>
          {tx('colCard')}：{household.cardNo}
        </span>
        <span>
          {tx('colGroup')}：{household.group}
        </span>
        <span>
          {tx('membersTitle')}：
          {household.members
            .filter((m) => m.active !== false)
            .map((m) => m.name)
            .join('、')}
        </span>
      </div>
      <table>
        <thead>
          <tr>
            <th>{tx('colDate')}</th>
            <th>{tx('colKindL')}</th>
            <th>{tx('colItem')}</th>
            <th className="n">{tx('colPlus')}</th>
            <th className="n">{tx('colMinus')}</th>
            <th className="n">{tx('colRedeem')}</th>
            <th className="n">{tx('colRunningScore')}</th>
            <th className="n">{tx('colRunningAvailable')}</th>
            <th>{tx('colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => {
            const c = columnsOf(r);
            return (
              <tr key={r.id} className={r.status === 'approved' ? '' : 'muted'}>
                <td>{r.occurredOn ?? r.at.slice(0, 10)}</td>
                <td>{tx(`kind_${r.kind}` as OfficeKey)}</td>
                <td>
                  {r.ruleName}
                  {r.personName ? `（${r.personName}）` : ''}
                  {r.receiptNo ? ` ${r.receiptNo}` : ''}
                </td>
                <td className="n">{c.plus ?? ''}</td>
                <td className="n">{c.minus ?? ''}</td>
                <td className="n">{c.redeem ?? ''}</td>
                <td className="n">{r.runningScore}</td>
                <td className="n">{r.runningAvailable}</td>
                <td>{tx(`status_${r.status}` as OfficeKey)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="pb-foot">
        <span>
          {tx('ledgerTotals', {
            score: formatPoints(last?.runningScore ?? 0),
            redeemed: formatPoints(redeemed),
            available: formatPoints(last?.runningAvailable ?? 0),
          })}
          {notice && (
            <span data-testid="passbook-notice">
              {' · '}
              {tx('noticeLine', { n: formatPoints(notice.points) })}（
              {tx(notice.batches.length > 1 ? 'noticeCountsMore' : 'noticeCounts', { date: notice.countsOn })}）
            </span>
          )}
        </span>
        <span>经办人签字：________　村民签字：________</span>
      </div>
    </div>
  );
}

/** A preview dialog of what will print; Print renders the same sheets alone on the page. */
export function PrintDialog({
  open,
  title,
  onClose,
  children,
  testId,
  extra,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId: string;
  /** Shown above the preview, never printed (e.g. reissuing the villager's QR). */
  extra?: ReactNode;
}) {
  const tx = useOfficeText();
  return (
    <Modal
      open={open}
      title={title}
      width="calc(210mm + 80px)"
      onCancel={onClose}
      footer={
        <Space>
          <span style={{ color: '#7c6a5c' }}>{tx('printHint')}</span>
          <Button onClick={onClose}>{tx('cancel')}</Button>
          <Button type="primary" icon={<PrinterOutlined />} data-testid={`${testId}-print`} onClick={() => window.print()}>
            {tx('print')}
          </Button>
        </Space>
      }
    >
      {extra}
      <div className="print-preview" data-testid={testId}>
        {children}
      </div>
      {open && <PrintArea>{children}</PrintArea>}
    </Modal>
  );
}
