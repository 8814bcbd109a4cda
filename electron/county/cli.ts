import { findAppRoot } from '../server/version.js';
import { defaultStaticDir, openCounty } from './serve.js';

/** `npm run serve -- --role county --pg <url> --port <port>`: runs until SIGINT/SIGTERM. */
export async function runCounty(values: { pg?: string; port?: string; host?: string; 'county-code'?: string; 'county-name'?: string }): Promise<void> {
  const url = values.pg ?? process.env.POS_COUNTY_PG_URL;
  if (!url) {
    console.error(
      '用法 (usage): npm run serve -- --role county --pg postgresql://user@host:5432/db --port <port> [--county-code 469030000000] [--county-name 名称]',
    );
    process.exit(2);
  }
  let app;
  try {
    app = await openCounty({ pgUrl: url, countyCode: values['county-code'], countyName: values['county-name'], staticDir: defaultStaticDir(findAppRoot()) });
  } catch (e) {
    console.error(`县级服务无法启动 (county server cannot start): ${(e as Error).message}`);
    process.exit(1);
  }
  const host = values.host ?? '127.0.0.1';
  app.server.listen(Number(values.port ?? 5190), host, () => {
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : values.port;
    console.log(`县级积分服务已启动 (county server ready): http://${host}:${port}`);
  });
  const shutdown = () => void app.close().finally(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
