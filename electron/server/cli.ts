import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { openApp } from './app.js';
import { createHttpServer, timeoutsFromEnv } from './http.js';
import { logProcessFailures, watchSyncStatus } from './log-events.js';
import { logFilePath, openLogFile } from './log-file.js';
import { updatesDirOf } from '../core/data-paths.js';
import { appVersion, findAppRoot } from './version.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '5180' },
    host: { type: 'string', default: '127.0.0.1' },
    demo: { type: 'boolean', default: false },
    'test-clock': { type: 'boolean', default: false },
    // No default: without --role the server runs the role stored by the first-run wizard.
    role: { type: 'string' },
    pg: { type: 'string' },
    'county-code': { type: 'string' },
    'county-name': { type: 'string' },
  },
  strict: true,
});

if (values.role === 'county') {
  // The county server (issue 13): PostgreSQL instead of a data dir.
  const { runCounty } = await import('../county/cli.js');
  await runCounty(values);
} else {
  if (!values.data) {
    console.error(
      '用法 (usage): npm run serve -- --data <dir> --port <port> [--host 127.0.0.1] [--demo] [--test-clock] [--role all|office|counter]\n' +
        '       npm run serve -- --role county --pg <postgres url> --port <port> [--county-code 469030000000] [--county-name 名称]',
    );
    process.exit(2);
  }
  if (values.role !== undefined && !['all', 'office', 'counter'].includes(values.role)) {
    console.error(`--role 应为 all、office 或 counter (got ${values.role})`);
    process.exit(2);
  }

  const log = openLogFile(logFilePath(values.data, 'server.log'));
  logProcessFailures(log);
  const role = values.role as 'all' | 'office' | 'counter' | undefined;
  log.info('积分超市服务启动 (server starting)', { version: appVersion, role, dataDir: values.data, node: process.versions.node });

  const app = await openApp({
    dataDir: values.data,
    demo: values.demo,
    testClock: values['test-clock'],
    role,
    staticDir: join(findAppRoot(), 'dist', 'renderer'),
  });
  if (app.seeded) console.log('已生成示范村数据 (demo village seeded)');
  const stopSyncLog = app.dispatcher.deps.sync ? watchSyncStatus(app.dispatcher.deps.sync, log) : () => {};

  const server = createHttpServer(app.dispatcher, {
    staticDir: join(findAppRoot(), 'dist', 'renderer'),
    timeouts: timeoutsFromEnv(),
    // An office (or a one-PC village) serves the update feed its counters check.
    updatesDir: app.dispatcher.deps.role === 'counter' ? undefined : updatesDirOf(values.data),
    log,
  });
  server.listen(Number(values.port), values.host, () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : values.port;
    console.log(`积分超市服务已启动 (server ready): http://${values.host}:${port}`);
    log.info('服务已启动 (server ready)', { host: values.host, port });
  });
  server.on('error', (e) => {
    log.error('服务无法监听 (server cannot listen)', e, { host: values.host, port: values.port });
    process.exit(1);
  });

  function shutdown() {
    log.info('服务停止 (server stopping)');
    stopSyncLog();
    server.close();
    server.closeAllConnections();
    app.close();
    process.exit(0);
  }
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
