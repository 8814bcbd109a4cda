/**
 * `npm run soak:sync [-- --events 10000 --seed 7 --households 3000]`
 *
 * One office and two counters as real processes, counters talking to the office through a proxy
 * that drops, duplicates, delays, reorders and cuts requests. The counters redeem (goods and
 * services), void, receive and count stock and close the day while the link is bad, then while it is
 * down (offline), then while it comes back; one counter is SIGKILLed in the middle of a push and
 * restarted; the office is killed and restarted. At the end every event must be at the office exactly
 * once, and the office and both counters must hold the same ledger.
 * Then it measures push throughput (a backlog over a clean link) and pull throughput (a new counter's
 * first pull of the whole village).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { FaultProxy, prng, villageLink, type Faults, type ProxyStats } from '../tests/sync/fault-proxy.js';
import {
  converge,
  freePort,
  officeConflicts,
  officeInbox,
  pairedCounter,
  prepareOffice,
  ServerProcess,
  sleep,
  staff,
  totals,
  type PreparedVillage,
} from '../tests/sync/harness.js';

export interface SoakOptions {
  events: number;
  seed: number;
  households: number;
  /** SIGKILL a counter during a push, and restart the office. */
  crashes: boolean;
  /** Events for the push-throughput backlog (0: skip). */
  pushBench: number;
  /** Measure a new counter's first pull. */
  pullBench: boolean;
  log: (line: string) => void;
  /** The link's misbehaviour (default: villageLink). */
  faults?: Faults;
}

export interface SoakResult {
  sent: number;
  applied: number;
  duplicates: number;
  lost: number;
  seconds: number;
  converged: boolean;
  differences: string[];
  failed: number;
  conflicts: number;
  proxy: ProxyStats;
  /** What the tills were told succeeded, by kind, and receipts they got that the office lacks. */
  acked: Record<string, number>;
  ackedMissingAtOffice: number;
  kills: number;
  officeRestarts: number;
  push?: { events: number; seconds: number; perSecond: number };
  pull?: { households: number; feedEntries: number; seconds: number; perSecond: number };
}

/** One till at one counter: what a shopkeeper (and the barber) do there. */
class Till {
  shop = '';
  barber = '';
  receipts: number[] = [];
  /** What the till was told succeeded: receipt numbers, and a count per kind. */
  ackedReceipts: string[] = [];
  acked: Record<string, number> = {};
  seq = 0;
  ready: Promise<void> = Promise.resolve();
  constructor(
    readonly name: string,
    public counter: ServerProcess,
    private village: PreparedVillage,
    private random: () => number,
  ) {}

  async signIn(): Promise<void> {
    this.shop = await this.counter.login('shop');
    this.barber = await this.counter.login('barber');
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)];
  }

  /** One write at the counter. Redemptions retry with the same requestId (idempotent); the others are not retried. */
  async one(): Promise<string> {
    const r = this.random();
    const household = this.pick(this.village.households);
    if (r < 0.78) {
      const lines = Array.from({ length: 1 + Math.floor(this.random() * 3) }, () => ({
        itemId: this.pick([...this.village.goods, ...this.village.services]),
        qty: 1 + Math.floor(this.random() * 2),
      }));
      const params = { householdId: household, lines, requestId: `${this.name}-${++this.seq}-${Math.floor(this.random() * 1e9)}` };
      for (let attempt = 0; ; attempt++) {
        await this.ready;
        try {
          const res = await this.counter.call('redemptions.create', params, this.shop);
          if (res.result) {
            this.receipts.push(res.result.id);
            this.ackedReceipts.push(res.result.receiptNo);
          }
          return this.ack(res.result ? 'redemption' : `refused ${res.error?.code}`);
        } catch (e) {
          if (attempt > 50) throw e;
          await sleep(100);
        }
      }
    }
    await this.ready;
    if (r < 0.86) {
      const res = await this.counter.call(
        'services.log',
        { householdId: household, itemId: this.village.barberService, requestId: `${this.name}-s${++this.seq}-${Math.floor(this.random() * 1e9)}` },
        this.barber,
      );
      if (res.result) this.ackedReceipts.push(res.result.receiptNo);
      return this.ack(res.result ? 'service' : `refused ${res.error?.code}`);
    }
    if (r < 0.9 && this.receipts.length) {
      const id = this.receipts.splice(Math.floor(this.random() * this.receipts.length), 1)[0];
      const res = await this.counter.call(
        'redemptions.void',
        { id, reason: '顾客退回', supervisorUsername: 'admin', supervisorPin: staff.admin.pin },
        this.shop,
      );
      return this.ack(res.result ? 'void' : `refused ${res.error?.code}`);
    }
    if (r < 0.99) {
      const res = await this.counter.call(
        'stock.receive',
        { itemId: this.pick(this.village.goods), qty: 1 + Math.floor(this.random() * 20), fundingSource: this.random() < 0.5 ? 'fiscal' : 'collective' },
        this.shop,
      );
      return this.ack(res.result ? 'receive' : `refused ${res.error?.code}`);
    }
    const itemId = this.pick(this.village.goods);
    const item = (await this.counter.ok('catalog.list', { includeInactive: true }, this.shop)).items.find((i: { id: number }) => i.id === itemId);
    const res = await this.counter.call('stock.count', { itemId, countedQty: Math.max(0, item.stock - 1), reason: '盘点发现破损' }, this.shop);
    return this.ack(res.result ? (res.result.delta === 0 ? 'count without change' : 'count') : `refused ${res.error?.code}`);
  }

  private ack(what: string): string {
    this.acked[what] = (this.acked[what] ?? 0) + 1;
    return what;
  }

  async close(): Promise<void> {
    await this.ready;
    await this.counter.ok('day.close', {}, this.shop);
  }
}

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const random = prng(o.seed);
  o.log(`准备村委会数据 (office village: ${o.households} households)…`);
  const tPrep = performance.now();
  const village = await prepareOffice({
    households: o.households,
    goods: 8,
    services: 3,
    pointsPerHousehold: 1_000_000,
    stockPerItem: 200_000,
    membersPerHousehold: 2,
  });
  const officePort = await freePort();
  const office = await ServerProcess.start('office', { dataDir: village.dataDir, port: officePort });
  const proxy = new FaultProxy({ host: '127.0.0.1', port: officePort }, { seed: o.seed, faults: o.faults ?? villageLink });
  await proxy.listen();
  const started: ServerProcess[] = [office];
  let kills = 0;
  let officeRestarts = 0;
  try {
    // Small push batches: more requests cross the faulty link.
    const soakEnv = { POS_SYNC_PUSH_BATCH: '40' };
    const a = await pairedCounter(office, proxy.url, { name: '一号柜台', env: soakEnv });
    const b = await pairedCounter(office, proxy.url, { name: '二号柜台', env: soakEnv });
    started.push(a.counter, b.counter);
    const tills = [new Till('A', a.counter, village, random), new Till('B', b.counter, village, random)];
    for (const t of tills) await t.signIn();
    o.log(`两个柜台已配对 (paired ${a.counterId}, ${b.counterId}; setup ${((performance.now() - tPrep) / 1000).toFixed(1)} s); 开始 ${o.events} 个事件`);
    // Seconds count the run itself: events under faults until the three databases agree.
    const t0 = performance.now();

    proxy.mode = 'faulty';
    proxy.forceEach();
    let produced = 0;
    let killArmed = false;
    let officeRestarted = false;
    let linkBack = false;
    const milestones = { offline: 0.3, online: 0.45, restart: 0.7 };
    const target = o.events - 4; // two closes midway and two at the end

    // Kill counter A the moment its next push has reached the office, before it hears the answer.
    let killed!: () => void;
    const killDone = new Promise<void>((ok) => {
      killed = ok;
    });
    proxy.onForwarded = async (path, headers) => {
      if (!killArmed || path !== '/sync/push' || headers['x-pos-terminal'] !== a.terminalId) return;
      killArmed = false;
      let release!: () => void;
      tills[0].ready = new Promise((ok) => {
        release = ok;
      });
      await a.counter.kill();
      kills++;
      o.log(`  SIGKILL 柜台 ${a.counterId}（推送中）at ${produced} events`);
      void a.counter.restart().then(async () => {
        release();
        killed();
        o.log(`  柜台 ${a.counterId} 已重启 (restarted)`);
      });
    };
    let refusedAtOutage = 0;
    const offlineSeen = async () => {
      // Until both counters have knocked on the dead link and show 离线: an outage nobody noticed tests nothing.
      for (let i = 0; i < 200; i++) {
        const s = await Promise.all(tills.map((t) => t.counter.ok('sync.status', {}, t.shop).catch(() => ({ online: true }))));
        if (proxy.stats.refused >= refusedAtOutage + 2 && s.every((x) => x.online === false)) return;
        await sleep(100);
      }
    };

    const worker = async (till: Till) => {
      while (produced < target) {
        const fraction = produced / target;
        if (fraction >= milestones.offline && fraction < milestones.online && proxy.mode !== 'down') {
          proxy.mode = 'down';
          refusedAtOutage = proxy.stats.refused;
          o.log(`  断网 (link down) at ${produced}`);
          await Promise.all(tills.map((t) => t.close().catch(() => undefined)));
        }
        if (fraction >= milestones.online && proxy.mode === 'down' && !linkBack) {
          linkBack = true;
          await offlineSeen();
          killArmed = o.crashes;
          proxy.mode = 'faulty';
          proxy.forceEach();
          o.log(`  恢复连接 (link back, faulty) at ${produced}`);
          // The counter has a backlog, so its next push comes at once: wait for the kill and the restart.
          if (o.crashes) await Promise.race([killDone, sleep(30_000)]);
        }
        if (o.crashes && fraction >= milestones.restart && !officeRestarted) {
          officeRestarted = true;
          await office.kill();
          o.log(`  SIGKILL 村委会 (office) at ${produced}`);
          await sleep(500);
          await office.restart();
          officeRestarts++;
          o.log('  村委会已重启 (office restarted)');
        }
        try {
          const what = await till.one();
          if (!what.startsWith('refused') && what !== 'count without change') produced++;
        } catch {
          await sleep(100);
        }
      }
    };
    await Promise.all(tills.flatMap((t) => [worker(t), worker(t), worker(t)]));
    for (const t of tills) await t.close();
    await tills[0].ready;
    // The agents keep polling: stay faulty until every forced kind of fault has happened.
    for (let i = 0; i < 300 && proxy.forcedPending > 0; i++) await sleep(100);
    proxy.mode = 'clean';
    killArmed = false;
    o.log('  全部写入完成，等待同步收敛 (waiting for convergence)…');
    await converge(office, [a.counter, b.counter]);
    const seconds = (performance.now() - t0) / 1000;

    // ---- verification, straight from the three database files
    const off = totals(office.dataDir);
    const cs = [totals(a.counter.dataDir), totals(b.counter.dataDir)];
    const inbox = officeInbox(office.dataDir);
    const terminals = new Set([a.terminalId, b.terminalId]);
    const sentUuids = cs.flatMap((c) => c.outbox);
    const lost = sentUuids.filter((u) => inbox.get(u)?.status !== 'applied').length;
    const applied = [...inbox.values()].filter((r) => terminals.has(r.origin) && r.status === 'applied').length;
    const failed = [...inbox.values()].filter((r) => r.status === 'failed').length;
    const differences: string[] = [];
    let duplicates = 0;
    for (const [i, c] of cs.entries()) {
      for (const [t, n] of Object.entries(off.counts)) {
        if (c.counts[t] !== n) differences.push(`${t}: office ${n}, counter ${i + 1} ${c.counts[t]}`);
        duplicates += Math.max(0, n - c.counts[t]) + Math.max(0, c.counts[t] - n);
      }
      if (c.points !== off.points) differences.push(`points: office ${off.points}, counter ${i + 1} ${c.points}`);
      if (JSON.stringify(c.stock) !== JSON.stringify(off.stock)) differences.push(`stock differs at counter ${i + 1}`);
      if (JSON.stringify(c.redeemedByHousehold) !== JSON.stringify(off.redeemedByHousehold)) differences.push(`household totals differ at counter ${i + 1}`);
      if (JSON.stringify(c.receipts) !== JSON.stringify(off.receipts)) differences.push(`receipts differ at counter ${i + 1}`);
      if (c.accountTotals !== off.accountTotals) differences.push(`account totals differ at counter ${i + 1}`);
    }
    if (new Set(off.receipts).size !== off.receipts.length) differences.push('a receipt number appears twice at the office');
    // End to end: every receipt a till was handed exists at the office (a loss before the outbox would show here).
    const atOffice = new Set(off.receipts);
    const ackedMissingAtOffice = tills.flatMap((t) => t.ackedReceipts).filter((r) => !atOffice.has(r)).length;
    const acked: Record<string, number> = {};
    for (const t of tills) for (const [k, n] of Object.entries(t.acked)) acked[k] = (acked[k] ?? 0) + n;
    const result: SoakResult = {
      sent: sentUuids.length,
      applied,
      duplicates: duplicates / 2,
      lost,
      seconds,
      converged: differences.length === 0,
      differences,
      failed,
      conflicts: officeConflicts(office.dataDir).length,
      proxy: { ...proxy.stats },
      kills,
      officeRestarts,
      acked,
      ackedMissingAtOffice,
    };
    o.log(`  验证完成 (verified): sent ${result.sent}, applied ${result.applied}, duplicates ${result.duplicates}, lost ${result.lost}`);

    // ---- pull throughput: a new counter (default sync settings) takes the whole village and its history
    if (o.pullBench || o.pushBench > 0) {
      const link = new FaultProxy({ host: '127.0.0.1', port: officePort }, { seed: o.seed });
      await link.listen();
      try {
        const feedEntries = feedCount(office.dataDir);
        const c = await pairedCounter(office, link.url, { name: '三号柜台', env: { POS_SYNC_PUSH_BATCH: '200', POS_SYNC_PULL_BATCH: '2000' } });
        started.push(c.counter);
        if (o.pullBench) {
          const secs = c.firstPullMs / 1000;
          result.pull = { households: o.households, feedEntries, seconds: secs, perSecond: feedEntries / secs };
          o.log(`  首次拉取 (first pull): ${o.households} households, ${feedEntries} feed entries in ${secs.toFixed(2)} s`);
        }
        // ---- push throughput: a backlog made offline, pushed over a clean link
        if (o.pushBench > 0) {
          const shop = await c.counter.login('shop');
          link.mode = 'down';
          let made = 0;
          await Promise.all(
            Array.from({ length: 4 }, async () => {
              while (made < o.pushBench) {
                made++;
                const lines = [{ itemId: village.goods[made % village.goods.length], qty: 1 }];
                await c.counter.ok(
                  'redemptions.create',
                  { householdId: village.households[made % village.households.length], lines, requestId: `bench-${made}-${o.seed}` },
                  shop,
                );
              }
            }),
          );
          const backlog = (await c.counter.ok('sync.status', {}, shop)).pending as number;
          link.mode = 'clean';
          // Timed from a sync.now, so the agent's backoff from the outage is not counted as pushing time.
          const p0 = performance.now();
          const after = await c.counter.ok('sync.now', {}, shop);
          const secs = (performance.now() - p0) / 1000;
          if (after.pending !== 0) throw new Error(`push bench: ${after.pending} events still pending`);
          result.push = { events: backlog, seconds: secs, perSecond: backlog / secs };
          o.log(`  推送 (push): ${backlog} events in ${secs.toFixed(2)} s`);
        }
      } finally {
        await link.close();
      }
    }
    return result;
  } finally {
    await proxy.close();
    for (const p of started.reverse()) await p.dispose().catch(() => undefined);
  }
}

function feedCount(dataDir: string): number {
  const db = new Database(join(dataDir, 'points.db'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM sync_feed').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '20260315' },
      households: { type: 'string', default: '3000' },
      'push-bench': { type: 'string', default: '2000' },
      'no-crashes': { type: 'boolean', default: false },
      'no-pull-bench': { type: 'boolean', default: false },
    },
  });
  const r = await runSoak({
    events: Number(values.events),
    seed: Number(values.seed),
    households: Number(values.households),
    crashes: !values['no-crashes'],
    pushBench: Number(values['push-bench']),
    pullBench: !values['no-pull-bench'],
    log: (l) => console.log(l),
  });
  console.log('\n=== sync soak ===');
  console.log(`sent ${r.sent} / applied ${r.applied} / duplicates ${r.duplicates} / lost ${r.lost} / seconds ${r.seconds.toFixed(1)}`);
  console.log(`acknowledged to the tills: ${JSON.stringify(r.acked)}; acknowledged receipts missing at the office: ${r.ackedMissingAtOffice}`);
  console.log(
    `faults: ${JSON.stringify(r.proxy)}; counter SIGKILLs ${r.kills}; office restarts ${r.officeRestarts}; failed applies ${r.failed}; conflicts ${r.conflicts}`,
  );
  if (r.push) console.log(`push: ${r.push.events} events in ${r.push.seconds.toFixed(2)} s = ${Math.round(r.push.perSecond)} events/s`);
  if (r.pull)
    console.log(
      `pull: first pull of ${r.pull.households} households (${r.pull.feedEntries} feed entries) in ${r.pull.seconds.toFixed(2)} s = ${Math.round(r.pull.perSecond)} entries/s`,
    );
  console.log(r.converged ? 'converged: office and both counters hold the same ledger' : `NOT converged:\n  ${r.differences.join('\n  ')}`);
  process.exit(r.converged && r.lost === 0 && r.duplicates === 0 && r.failed === 0 && r.ackedMissingAtOffice === 0 ? 0 : 1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
