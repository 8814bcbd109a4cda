import { CheckCircleFilled, LoadingOutlined, PrinterOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { ReceiptPaper } from '../../components/ReceiptPaper';
import { useI18n } from '../../i18n/I18nProvider';
import type { PaperLine } from '../../receipt/receipt-lines';

export interface LastReceiptState {
  redemptionId: number;
  receiptNo: string;
  headName: string;
  totalPoints: number;
  availableAfter: number;
  paper: { lines: PaperLine[]; width: number } | null;
  print: 'printing' | 'printed' | 'failed';
}

function PrintTag({ state }: { state: LastReceiptState['print'] }) {
  const { t } = useI18n();
  if (state === 'printing')
    return (
      <Tag icon={<LoadingOutlined />} color="processing" data-testid="print-status">
        {t('printing')}
      </Tag>
    );
  if (state === 'printed')
    return (
      <Tag icon={<CheckCircleFilled />} color="success" data-testid="print-status">
        {t('printed')}
      </Tag>
    );
  return (
    <Tag icon={<WarningFilled />} color="error" data-testid="print-status">
      {t('printFailedShort')}
    </Tag>
  );
}

function Facts({ last }: { last: LastReceiptState }) {
  const { t } = useI18n();
  return (
    <>
      <div>
        {t('receiptNo')}{' '}
        <b data-testid="last-receipt-no" style={{ fontSize: 17, fontFamily: 'monospace' }}>
          {last.receiptNo}
        </b>
      </div>
      <div style={{ color: '#2f8a4c' }}>
        {t('redeemDone')} {last.totalPoints} {t('points')} · {t('householdAfter', { name: last.headName, n: last.availableAfter })}
      </div>
    </>
  );
}

/** Between customers: the receipt just redeemed, on screen exactly as it prints. */
export function ReceiptPanel({ last, onPrint }: { last: LastReceiptState; onPrint: () => void }) {
  const { t } = useI18n();
  return (
    <div className="panel receipt-panel" data-testid="last-receipt">
      <div className="panel-head">
        <span>
          <PrinterOutlined /> {t('lastReceipt')}
        </span>
        <PrintTag state={last.print} />
      </div>
      <div style={{ padding: '8px 14px', borderBottom: '1px solid #f0e6d8', fontSize: 15 }}>
        <Facts last={last} />
      </div>
      <div className="receipt-scroll">
        {last.paper ? (
          <ReceiptPaper lines={last.paper.lines} width={last.paper.width} />
        ) : (
          <div className="receipt-empty">
            <LoadingOutlined />
          </div>
        )}
      </div>
      {/* Prints through the configured printer (the browser's dialog for a browser printer); the server decides whether it is a 重打. */}
      <div style={{ padding: '8px 12px', borderTop: '1px solid #f0e6d8' }}>
        <Button block data-testid="print-receipt-button" icon={<PrinterOutlined />} disabled={last.print === 'printing'} onClick={onPrint}>
          {t('printAgain')}
        </Button>
      </div>
    </div>
  );
}

/** While the next customer is served: one line about the previous receipt, still reprintable from the banner. */
export function LastReceiptSummary({ last }: { last: LastReceiptState }) {
  const { t } = useI18n();
  return (
    <div className="panel" data-testid="last-receipt">
      <div className="panel-head">
        <span>
          <PrinterOutlined /> {t('lastReceipt')}
        </span>
        <PrintTag state={last.print} />
      </div>
      <div className="panel-body" style={{ fontSize: 14 }}>
        <Facts last={last} />
      </div>
    </div>
  );
}
