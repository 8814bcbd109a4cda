import { CloudOutlined, CloudSyncOutlined, DisconnectOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { call, type Result } from '../api/client';
import { hashFor } from '../nav';
import { localTime, useSyncText } from '../pages/sync/text';

type Status = Result<'sync.status'>;

/** How often the header asks; a counter also asks right after the window regains focus. */
const pollMs = 5000;

/**
 * The header's sync chip: at a counter 在线/离线 and how many events wait to go up (click: sync now);
 * at the office the open conflicts (click: the sync page). Nothing on a one-PC village.
 */
export function SyncChip({ timeZone }: { timeZone: string }) {
  const tx = useSyncText();
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setStatus(await call('sync.status', {}));
    } catch {
      // The chip is advisory: the page's own calls report errors.
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), pollMs);
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [load]);

  if (!status || status.role === 'all') return null;

  if (status.role === 'office') {
    const n = status.conflicts ?? 0;
    return (
      <a href={hashFor('sync')} data-testid="sync-chip">
        <Tag icon={<CloudOutlined />} color={n > 0 ? 'orange' : 'blue'} style={{ marginInlineEnd: 0 }}>
          <span data-testid="sync-chip-state">{tx('office')}</span>
          {n > 0 && <span data-testid="sync-chip-conflicts"> · {tx('conflictsShort', { n })}</span>}
        </Tag>
      </a>
    );
  }

  const syncNow = async () => {
    if (busy) return;
    setBusy(true);
    try {
      setStatus(await call('sync.now', {}));
    } catch {
      void load();
    } finally {
      setBusy(false);
    }
  };

  let color = 'green';
  let icon = <CloudSyncOutlined spin={busy || status.pullProgress !== null} />;
  let label = tx('online');
  if (!status.paired) [color, label, icon] = ['default', tx('notPaired'), <DisconnectOutlined key="i" />];
  else if (status.revoked) [color, label, icon] = ['red', tx('revoked'), <WarningOutlined key="i" />];
  else if (status.needsUpgrade) [color, label, icon] = ['orange', tx('needsUpgrade'), <WarningOutlined key="i" />];
  else if (!status.online) [color, label, icon] = ['red', tx('offline'), <DisconnectOutlined key="i" />];
  else if ((status.refused?.count ?? 0) > 0) color = 'orange';
  const tip = tx('chipTip', {
    push: status.lastPushAt ? localTime(status.lastPushAt, timeZone) : tx('never'),
    pull: status.lastPullAt ? localTime(status.lastPullAt, timeZone) : tx('never'),
    error: status.lastError ? `\n${status.lastError}` : '',
  });
  return (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{tip}</span>}>
      <Tag icon={icon} color={color} style={{ cursor: 'pointer', marginInlineEnd: 0 }} onClick={() => void syncNow()} data-testid="sync-chip">
        <span data-testid="sync-chip-state">{label}</span>
        {status.pending > 0 && <span data-testid="sync-chip-pending"> · {tx('pending', { n: status.pending })}</span>}
        {status.pullProgress && <span> · {tx('downloading', status.pullProgress)}</span>}
        {(status.conflicts ?? 0) > 0 && <span> · {tx('conflictsShort', { n: status.conflicts ?? 0 })}</span>}
        {(status.refused?.count ?? 0) > 0 && <span data-testid="sync-chip-refused"> · {tx('refusedShort', { n: status.refused?.count ?? 0 })}</span>}
      </Tag>
    </Tooltip>
  );
}
