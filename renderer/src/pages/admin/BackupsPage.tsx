import { App as AntApp, Button, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { call, type Result } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePageAction, usePageLoad } from '../../components/page-hooks';
import { fileSize } from '../../format';
import { useSession } from '../../session';
import { canCopyToFolder, copyBackupToFolder, downloadBackup } from './backup-export';
import { useAdminText } from './text';

type Listing = Result<'backup.list'>;
type Backup = Listing['items'][number];

/** Daily backups, "back up now", how many to keep, and a restore that must be typed out to confirm. */
export function BackupsPage() {
  const tx = useAdminText();
  const { message } = AntApp.useApp();
  const { refresh } = useSession();
  const [listing, setListing] = useState<Listing | null>(null);
  const [keep, setKeep] = useState<number | null>(null);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [confirmText, setConfirmText] = useState('');

  const { error, setError, reload } = usePageLoad(
    useCallback(async () => {
      const l = await call('backup.list', {});
      setListing(l);
      setKeep(l.keep);
    }, []),
  );
  const { busy, run } = usePageAction(setError, reload);

  async function restore() {
    if (!restoring) return;
    const ok = await run(
      () => call('backup.restore', { file: restoring.file }),
      (r) => message.success(tx('restored', { file: r.restoredFrom, safety: r.safetyBackup })),
    );
    if (ok) {
      setRestoring(null);
      void refresh();
    }
  }

  return (
    <div className="page">
      <div className="page-title">{tx('backupsTitle')}</div>
      {listing && (
        <p style={{ color: '#666' }} data-testid="backups-hint">
          {tx('backupsHint', { dir: listing.dir, keep: listing.keep })}
        </p>
      )}
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          loading={busy}
          onClick={() =>
            void run(
              () => call('backup.now', {}),
              (r) => message.success(tx('backupMade', { file: r.file })),
            )
          }
          data-testid="backup-now"
        >
          {tx('backupNow')}
        </Button>
        <span>
          {tx('backupKeep')} <InputNumber min={1} max={365} precision={0} value={keep} onChange={(v) => setKeep(v)} data-testid="backup-keep" />
        </span>
        <Button
          disabled={!keep || keep === listing?.keep}
          onClick={() =>
            void run(
              () => call('backup.configure', { keep: keep! }),
              () => message.success(tx('savedUser')),
            )
          }
          data-testid="backup-keep-save"
        >
          {tx('save')}
        </Button>
        <Button onClick={() => void reload()}>{tx('refresh')}</Button>
      </Space>
      <Table<Backup>
        rowKey="file"
        size="small"
        pagination={false}
        dataSource={listing?.items ?? []}
        data-testid="backups-table"
        columns={[
          { title: tx('colTakenAt'), dataIndex: 'takenAt', width: 170 },
          {
            title: tx('colKind'),
            dataIndex: 'kind',
            width: 150,
            render: (k: Backup['kind']) => <Tag color={k === 'pre-restore' ? 'orange' : k === 'manual' ? 'blue' : 'default'}>{tx(`kind_${k}`)}</Tag>,
          },
          { title: tx('colFile'), dataIndex: 'file' },
          { title: tx('colSize'), dataIndex: 'bytes', width: 100, render: fileSize },
          {
            title: tx('colActions'),
            width: 230,
            render: (_, b) => (
              <Space size={6}>
                {canCopyToFolder() ? (
                  <Button
                    size="small"
                    onClick={() =>
                      void run(
                        () => copyBackupToFolder(b.file),
                        (r) => {
                          if (r.copied) message.success(tx('backupCopied', { dir: r.dir ?? '' }));
                        },
                      )
                    }
                    data-testid={`copy-${b.file}`}
                  >
                    {tx('backupCopyTo')}
                  </Button>
                ) : (
                  <Button size="small" onClick={() => void run(() => downloadBackup(b.file))} data-testid={`download-${b.file}`}>
                    {tx('backupDownload')}
                  </Button>
                )}
                <Button
                  size="small"
                  danger
                  onClick={() => {
                    setConfirmText('');
                    setRestoring(b);
                  }}
                  data-testid={`restore-${b.file}`}
                >
                  {tx('restore')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!restoring}
        title={tx('restoreTitle', { file: restoring?.file ?? '' })}
        okText={tx('restore')}
        okButtonProps={{
          danger: true,
          disabled: confirmText.trim() !== tx('restoreConfirmWord'),
          ...({ 'data-testid': 'restore-confirm' } as Record<`data-${string}`, string>),
        }}
        cancelText={tx('cancel')}
        confirmLoading={busy}
        onCancel={() => setRestoring(null)}
        onOk={() => void restore()}
        destroyOnHidden
      >
        <p>{tx('restoreWarning')}</p>
        <p>{tx('restoreConfirmLabel')}</p>
        <Input value={confirmText} onChange={(e) => setConfirmText(e.target.value)} data-testid="restore-confirm-text" />
      </Modal>
    </div>
  );
}
