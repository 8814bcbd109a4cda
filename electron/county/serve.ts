import type { Server } from 'node:http';
import { join } from 'node:path';
import type pg from 'pg';
import { bootstrapCounty } from './auth.js';
import { migrateCounty } from './db/migrate.js';
import { openPool } from './db/pool.js';
import { createCountyServer } from './http.js';
import { serveStatic } from '../server/http.js';

export interface CountyOptions {
  pgUrl: string;
  countyCode?: string;
  countyName?: string;
  staticDir?: string;
}

export interface CountyApp {
  pool: pg.Pool;
  server: Server;
  close(): Promise<void>;
}

/** Migrates (refusing a foreign history), seeds an empty county, and builds the HTTP server. */
export async function openCounty(o: CountyOptions): Promise<CountyApp> {
  const pool = openPool(o.pgUrl, 20);
  try {
    await migrateCounty(pool);
    await bootstrapCounty(pool, { code: o.countyCode ?? '469030000000', name: o.countyName ?? '本县' }, new Date());
  } catch (e) {
    await pool.end();
    throw e;
  }
  let staticHandler: Parameters<typeof createCountyServer>[0]['staticHandler'];
  if (o.staticDir) {
    const dir = o.staticDir;
    staticHandler = (_req, res, path) => serveStatic(dir, path, res);
  }
  const server = createCountyServer({ pool, staticHandler });
  return {
    pool,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await pool.end();
    },
  };
}

export const defaultStaticDir = (root: string) => join(root, 'dist', 'renderer');
