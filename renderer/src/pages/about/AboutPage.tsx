import { Alert, Button, Card, Descriptions, Modal, Progress, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { call, type Result } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { usePageAction, usePageLoad } from '../../components/page-hooks';
import { fileSize } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { hasRole, useSignedIn } from '../../session';
import { useAboutText } from './text';

type About = Result<'app.about'>;
type Updates = NonNullable<About['updates']>;

const Path = ({ value, testId }: { value: string; testId: string }) => (
  <Typography.Text copyable code data-testid={testId}>
    {value}
  </Typography.Text>
);

/** 关于: version, this PC's role and folders, the runtime, and (desktop counter) updates from the office. */
export function AboutPage() {
  const tx = useAboutText();
  const { lang } = useI18n();
  const { user, village } = useSignedIn();
  const isAdmin = hasRole(user);
  const [about, setAbout] = useState<About | null>(null);
  const [confirming, setConfirming] = useState(false);

  const { error, setError, reload } = usePageLoad(useCallback(async () => setAbout(await call('app.about', {})), []));
  const { busy, run } = usePageAction(setError, reload);
  const updates = about?.updates ?? null;

  // While the download runs (app.installUpdate answers when it is done), show its progress.
  const downloading = updates?.state === 'downloading';
  useEffect(() => {
    if (!downloading) return;
    const timer = setInterval(() => void call('app.about', {}).then(setAbout, () => {}), 1000);
    return () => clearInterval(timer);
  }, [downloading]);

  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: village.timeZone });
  const runtime = about?.runtime;

  return (
    <div className="page" data-testid="about-page">
      <div className="page-title">{tx('aboutTitle')}</div>
      <p style={{ color: '#666', marginTop: -4 }}>{tx('aboutLead')}</p>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      {about && (
        <Descriptions bordered size="small" column={1} styles={{ label: { width: 150 } }} data-testid="about-facts">
          <Descriptions.Item label={tx('version')}>
            <span data-testid="about-version">{about.version}</span>
          </Descriptions.Item>
          <Descriptions.Item label={tx('role')}>
            <span data-testid="about-role">{tx(`role_${about.role}`)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={tx('database')}>
            <span data-testid="about-db-size">{fileSize(about.databaseBytes)}</span>
          </Descriptions.Item>
          {about.paths ? (
            <>
              <Descriptions.Item label={tx('dataDir')}>
                <Path value={about.paths.dataDir} testId="about-data-dir" />
              </Descriptions.Item>
              <Descriptions.Item label={tx('backupsDir')}>
                <Path value={about.paths.backupsDir} testId="about-backups-dir" />
              </Descriptions.Item>
              <Descriptions.Item label={tx('logsDir')}>
                <Path value={about.paths.logsDir} testId="about-logs-dir" />
              </Descriptions.Item>
              {about.paths.updatesDir && (
                <Descriptions.Item label={tx('updatesDir')}>
                  <Path value={about.paths.updatesDir} testId="about-updates-dir" />
                  <div style={{ color: '#888', fontSize: 12, marginTop: 2 }}>{tx('updatesDirHint')}</div>
                </Descriptions.Item>
              )}
            </>
          ) : (
            <Descriptions.Item label={tx('dataDir')}>
              <span style={{ color: '#888' }} data-testid="about-paths-hidden">
                {tx('pathsAdminOnly')}
              </span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={tx('runtime')}>
            <span data-testid="about-runtime">
              {runtime?.electron
                ? `Electron ${runtime.electron} · Chrome ${runtime.chrome} · Node.js ${runtime.node}`
                : tx('runtimeBrowser', { node: runtime?.node ?? '' })}
            </span>
          </Descriptions.Item>
        </Descriptions>
      )}

      {about && (
        <Card size="small" title={tx('updatesTitle')} style={{ marginTop: 16 }} data-testid="about-updates">
          {!updates ? (
            <span style={{ color: '#666' }}>{tx('updatesBrowser')}</span>
          ) : !updates.feedUrl ? (
            <span style={{ color: '#666' }} data-testid="about-no-feed">
              {tx(updates.noFeedReason === 'not-paired' ? 'noFeed_not_paired' : 'noFeed_not_counter')}
            </span>
          ) : (
            <UpdateControls
              updates={updates}
              isAdmin={isAdmin}
              busy={busy}
              when={when}
              onCheck={() => void run(() => call('app.checkUpdate', {}))}
              onInstall={() => setConfirming(true)}
            />
          )}
        </Card>
      )}

      <Modal
        open={confirming}
        title={tx('installConfirmTitle', { version: updates?.latest ?? '' })}
        okText={tx('installOk')}
        cancelText={tx('cancel')}
        onCancel={() => setConfirming(false)}
        onOk={() => {
          setConfirming(false);
          // The page polls app.about for the progress meanwhile.
          setAbout((a) => (a?.updates ? { ...a, updates: { ...a.updates, state: 'downloading', percent: 0 } } : a));
          void run(() => call('app.installUpdate', {}));
        }}
        destroyOnHidden
      >
        <p>{tx('installConfirm')}</p>
      </Modal>
    </div>
  );
}

function UpdateControls(p: { updates: Updates; isAdmin: boolean; busy: boolean; when: (iso: string) => string; onCheck: () => void; onInstall: () => void }) {
  const tx = useAboutText();
  const u = p.updates;
  const state = tx(`state_${u.state}`, { version: u.latest ?? '', percent: u.percent ?? 0, error: u.error ?? '' });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <div>
        {tx('updatesFeed')}: <Typography.Text code>{u.feedUrl}</Typography.Text>
      </div>
      <Alert
        type={u.state === 'error' ? 'error' : u.state === 'available' ? 'info' : 'success'}
        showIcon
        message={state}
        data-testid="about-update-state"
        description={u.checkedAt ? tx('checkedAt', { at: p.when(u.checkedAt) }) : undefined}
      />
      {u.state === 'downloading' && <Progress percent={u.percent ?? 0} size="small" />}
      {p.isAdmin ? (
        <Space>
          <Button
            onClick={p.onCheck}
            loading={p.busy && u.state === 'checking'}
            disabled={p.busy || u.state === 'downloading' || u.state === 'ready'}
            data-testid="about-check-update"
          >
            {tx('check')}
          </Button>
          {u.state === 'available' && (
            <Button type="primary" onClick={p.onInstall} disabled={p.busy} data-testid="about-install-update">
              {tx('install', { version: u.latest ?? '' })}
            </Button>
          )}
        </Space>
      ) : (
        <span style={{ color: '#888' }}>{tx('adminOnlyUpdates')}</span>
      )}
    </Space>
  );
}
