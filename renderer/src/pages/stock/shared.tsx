import { DateField, MonthField } from '../../components/DateField';
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal, Tag } from 'antd';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { TextKey } from './text';
import { monthRange } from './money';
import { useStockText } from './text';
import './stock.css';

export const fundingSources = ['fiscal', 'collective', 'donation', 'sponsor'] as const;
export type FundingSource = (typeof fundingSources)[number];
export const needsDonor = (s: string) => s === 'donation' || s === 'sponsor';

const sourceColors: Record<string, string> = {
  fiscal: 'blue',
  collective: 'green',
  donation: 'magenta',
  sponsor: 'purple',
  surplus: 'gold',
  unknown: 'default',
};

export function SourceTag({ source, donor }: { source: string | null; donor?: string | null }) {
  const { s } = useStockText();
  if (!source) return null;
  return (
    <Tag color={sourceColors[source] ?? 'default'}>
      {s(source as TextKey)}
      {donor ? ` · ${donor}` : ''}
    </Tag>
  );
}

/** The one element window.print() prints (shared with the office pages' PrintArea): created once, beside the app. */
function printRoot(): HTMLElement {
  let el = document.getElementById('print-root');
  if (!el) {
    el = document.createElement('div');
    el.id = 'print-root';
    document.body.appendChild(el);
  }
  return el;
}

/**
 * An A4 document: previewed in a dialog, printed from a copy in #print-root, which the print
 * stylesheet alone shows, so a long sheet flows over as many pages as it needs.
 */
export function PrintPreview({
  open,
  title,
  onClose,
  children,
  testId,
  extra,
}: {
  open: boolean;
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  testId: string;
  extra?: ReactNode;
}) {
  const { s } = useStockText();
  return (
    <>
      <Modal
        open={open}
        title={title}
        onCancel={onClose}
        width={900}
        destroyOnHidden
        footer={[
          extra,
          <Button key="close" onClick={onClose} data-testid="print-close">
            {s('close')}
          </Button>,
          <Button key="print" type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
            {s('print')}
          </Button>,
        ]}
      >
        <div className="a4-preview">
          <div className="a4-sheet" data-testid={testId}>
            {children}
          </div>
        </div>
      </Modal>
      {open && createPortal(<div className="a4-sheet">{children}</div>, printRoot())}
    </>
  );
}

/** The signatures block every village document ends with. */
export function Signatures({ keys }: { keys: TextKey[] }) {
  const { s } = useStockText();
  return (
    <div className="doc-signs">
      {keys.map((k) => (
        <span key={k}>{s(k)}</span>
      ))}
    </div>
  );
}

/** A month picker that fills a from/to range, which may then be narrowed or widened by hand. */
export function PeriodPicker({
  value,
  onChange,
  testId,
}: {
  value: { from: string; to: string };
  onChange(v: { from: string; to: string }): void;
  testId: string;
}) {
  const { s } = useStockText();
  const month = value.from.slice(0, 7) === value.to.slice(0, 7) && value.from.endsWith('-01') ? value.from.slice(0, 7) : '';
  return (
    <>
      <span>{s('month')}</span>
      <MonthField value={month} testId={`${testId}-month`} onChange={(m) => onChange(monthRange(m))} />
      <span>{s('from')}</span>
      <DateField value={value.from} testId={`${testId}-from`} onChange={(from) => onChange({ ...value, from })} />
      <span>{s('to')}</span>
      <DateField value={value.to} testId={`${testId}-to`} onChange={(to) => onChange({ ...value, to })} />
    </>
  );
}
