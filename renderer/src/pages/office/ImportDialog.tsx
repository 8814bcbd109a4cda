import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Tag } from 'antd';
import { useRef, useState } from 'react';
import type { Result } from '@shared/core/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/I18nProvider';
import { downloadBase64, downloadBlob } from '../../download';
import { errorReportCsv, fileToBase64 } from './files';
import { changeLine } from './import-preview-text';
import { useOfficeText } from './text';

type Preview = Result<'households.importPreview'>;
type ImportResult = Result<'households.import'>;

/**
 * Pick a workbook, see household by household what it would do, and only then write it, whole or not at
 * all. The confirmation names the previewed plan, so a roster that changed meanwhile is refused, not merged.
 */
export function ImportDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const tx = useOfficeText();
  const { errorText } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<{ base64: string; preview: Preview } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function pick(picked: File | undefined) {
    if (!picked) return;
    setBusy(true);
    setResult(null);
    setFile(null);
    setError(null);
    try {
      const base64 = await fileToBase64(picked);
      setFile({ base64, preview: await call('households.importPreview', { xlsxBase64: base64 }) });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  async function confirm() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await call('households.import', { xlsxBase64: file.base64, planId: file.preview.planId }));
      setFile(null);
      onImported();
    } catch (e) {
      setError(errorText(e));
      setFile(null);
    } finally {
      setBusy(false);
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

  const preview = file?.preview;
  const errors = preview?.errors ?? [];
  const toWrite = preview ? preview.created + preview.updated : 0;
  const report = () => downloadBlob(new Blob([errorReportCsv(errors)], { type: 'text/csv;charset=utf-8' }), '花名册导入错误报告.csv');
  const close = () => {
    setFile(null);
    setResult(null);
    setError(null);
    onClose();
  };

  return (
    <Modal open={open} title={tx('importTitle')} onCancel={close} footer={null} width={820} destroyOnHidden>
      <p style={{ color: '#5b4a3c' }}>{tx('importHelp')}</p>
      <Space style={{ marginBottom: 12 }} wrap>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          style={{ display: 'none' }}
          data-testid="import-file"
          onChange={(e) => void pick(e.target.files?.[0])}
        />
        <Button
          type={file ? 'default' : 'primary'}
          icon={<UploadOutlined />}
          loading={busy && !file}
          onClick={() => input.current?.click()}
          data-testid="import-pick"
        >
          {file ? tx('importAnother') : tx('importPick')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void template()}>
          {tx('hhTemplate')}
        </Button>
      </Space>
      <ErrorBanner text={error} />
      {result && (
        <Alert
          type="success"
          showIcon
          data-testid="import-result"
          title={tx('importDone', { created: result.created, updated: result.updated, unchanged: result.unchanged })}
        />
      )}
      {preview && errors.length > 0 && (
        <>
          <Alert
            type="error"
            showIcon
            data-testid="import-preview-errors"
            title={tx('importFailed', { n: errors.length })}
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
            dataSource={errors}
            pagination={errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { title: tx('colRow'), dataIndex: 'row', width: 70 },
              { title: tx('colProblem'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
      {preview && errors.length === 0 && (
        <div data-testid="import-preview">
          <Alert
            type={toWrite > 0 ? 'info' : 'success'}
            showIcon
            data-testid="import-preview-summary"
            title={
              toWrite > 0 ? tx('importPreviewSum', { created: preview.created, updated: preview.updated, unchanged: preview.unchanged }) : tx('importNothing')
            }
            description={
              <>
                {toWrite > 0 && <div>{tx('importNotWritten')}</div>}
                {preview.examples > 0 && <div data-testid="import-examples">{tx('importExamples', { n: preview.examples })}</div>}
              </>
            }
          />
          {toWrite > 0 && (
            <>
              <Table
                size="small"
                style={{ marginTop: 8 }}
                data-testid="import-preview-table"
                rowKey={(h) => `${h.row}`}
                dataSource={preview.households.filter((h) => h.kind !== 'unchanged')}
                pagination={toWrite > 8 ? { pageSize: 8, showSizeChanger: false } : false}
                onRow={(h) => ({ 'data-kind': h.kind, 'data-card-no': h.cardNo }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  { title: tx('colRow'), dataIndex: 'row', width: 60 },
                  {
                    title: tx('colImportKind'),
                    dataIndex: 'kind',
                    width: 80,
                    render: (k: string) => (k === 'new' ? <Tag color="green">{tx('prevNew')}</Tag> : <Tag color="orange">{tx('prevChanged')}</Tag>),
                  },
                  { title: tx('colCard'), dataIndex: 'cardNo', width: 100 },
                  { title: tx('colHead'), dataIndex: 'headName', width: 90 },
                  {
                    title: tx('colChanges'),
                    key: 'changes',
                    render: (_: unknown, h) =>
                      h.kind === 'new' ? (
                        tx('prevMembers', { names: h.members.join('、') })
                      ) : (
                        <ul className="import-changes">
                          {h.changes.map((c, i) => (
                            <li key={i}>{changeLine(c, tx)}</li>
                          ))}
                        </ul>
                      ),
                  },
                ]}
              />
              <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
                <Button onClick={close}>{tx('cancel')}</Button>
                <Button type="primary" loading={busy} onClick={() => void confirm()} data-testid="import-confirm">
                  {tx('importConfirm')}
                </Button>
              </Space>
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
