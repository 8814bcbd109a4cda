import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table } from 'antd';
import { useRef, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/I18nProvider';
import { downloadBase64, downloadBlob } from '../../download';
import { errorReportCsv, fileToBase64 } from './files';
import { useOfficeText } from './text';

type ImportResult = Result<'households.import'>;

/** Pick a workbook, import it whole or not at all, and show every bad row with its number. */
export function ImportDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const tx = useOfficeText();
  const { errorText } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function pick(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      const r = await call('households.import', { xlsxBase64: await fileToBase64(file) });
      setResult(r);
      if (r.errors.length === 0) onImported();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  async function template() {
    try {
      const r = await call('households.template', {});
      downloadBase64(r.xlsxBase64, r.fileName);
    } catch (e) {
      setError(errorText(e));
    }
  }

  const report = () => downloadBlob(new Blob([errorReportCsv(result?.errors ?? [])], { type: 'text/csv;charset=utf-8' }), '花名册导入错误报告.csv');

  return (
    <Modal
      open={open}
      title={tx('importTitle')}
      onCancel={() => {
        setResult(null);
        setError(null);
        onClose();
      }}
      footer={null}
      width={760}
      destroyOnHidden
    >
      <p style={{ color: '#5b4a3c' }}>{tx('importHelp')}</p>
      <Space style={{ marginBottom: 12 }}>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={{ display: 'none' }}
          data-testid="import-file"
          onChange={(e) => void pick(e.target.files?.[0])}
        />
        <Button type="primary" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid="import-pick">
          {busy ? tx('importing') : tx('importPick')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void template()}>
          {tx('hhTemplate')}
        </Button>
      </Space>
      <ErrorBanner text={error} />
      {result && result.errors.length === 0 && (
        <Alert
          type="success"
          showIcon
          data-testid="import-result"
          title={tx('importDone', { created: result.created, updated: result.updated, unchanged: result.unchanged })}
        />
      )}
      {result && result.errors.length > 0 && (
        <>
          <Alert
            type="error"
            showIcon
            data-testid="import-result"
            title={tx('importFailed', { n: result.errors.length })}
            action={
              <Button size="small" icon={<DownloadOutlined />} onClick={report}>
                {tx('downloadReport')}
              </Button>
            }
          />
          <Table
            size="small"
            rowKey={(e) => `${e.row}:${e.message}`}
            style={{ marginTop: 8 }}
            data-testid="import-errors"
            dataSource={result.errors}
            pagination={result.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { title: tx('colRow'), dataIndex: 'row', width: 70 },
              { title: tx('colProblem'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
