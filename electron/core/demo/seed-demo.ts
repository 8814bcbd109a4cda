import type { Dispatcher } from '../dispatcher.js';
import { insertUser } from '../domains/auth/bootstrap.js';
import { installDefaultRules } from '../domains/rules/default-rules.js';
import { putSetting } from '../settings.js';
import { demoGoods, demoHouseholds, demoRuleNames, demoServices, demoUsers, generatedHouseholds } from './demo-village.js';

/**
 * Seeds the demo village through the real handlers (record by the clerk, approval by the reviewer,
 * receiving by the shopkeeper), so the demo data obeys every rule a real village's does.
 */
export async function seedDemo(d: Dispatcher): Promise<void> {
  const { db, clock } = d.deps;
  const now = clock.now();
  putSetting(db, 'village', { name: '红阳村', timeZone: 'Asia/Shanghai' });
  for (const u of demoUsers) insertUser(db, u, now);
  const login = async (username: string) => (await d.invoke('auth.login', { username, pin: demoUsers.find((u) => u.username === username)!.pin })).token;
  const [admin, shop, clerk, review] = await Promise.all(['admin', 'shop', 'clerk', 'review'].map(login));
  const barberId = (db.prepare("SELECT id FROM users WHERE username = 'barber'").get() as { id: number }).id;

  await d.invoke('calendar.set', { mode: 'any' }, admin);
  // The village scores against the default table every new database ships with.
  installDefaultRules(db);
  const table = (await d.invoke('rules.list', {}, clerk)).items;
  const rules = demoRuleNames.map((name) => {
    const rule = table.find((r) => r.name === name);
    if (!rule) throw new Error(`demo rule missing from the default table: ${name}`);
    return rule;
  });

  // The opening stock arrives as one receiving note, as a village's first delivery would.
  const opening = [];
  for (const g of demoGoods) {
    const item = await d.invoke(
      'catalog.save',
      {
        kind: 'goods',
        name: g.name,
        barcode: g.barcode,
        unit: g.unit,
        points: g.points,
        category: g.category,
        lowStockThreshold: 5,
      },
      shop,
    );
    if (g.stock > 0) opening.push({ itemId: item.id, qty: g.stock, fundingSource: 'fiscal' as const, unitCostFen: g.points * 50 });
  }
  await d.invoke('stock.receiveNote', { lines: opening, note: '开业首批进货' }, shop);
  for (const s of demoServices) {
    await d.invoke(
      'catalog.save',
      {
        kind: 'service',
        name: s.name,
        unit: s.unit,
        category: '服务',
        points: 'points' in s ? s.points : undefined,
        openPrice: 'openPrice' in s ? s.openPrice : undefined,
        minPoints: 'minPoints' in s ? s.minPoints : undefined,
        maxPoints: 'maxPoints' in s ? s.maxPoints : undefined,
        limitPerHouseholdPerYear: 'limit' in s ? s.limit : undefined,
        providerIds: 'provider' in s ? [barberId] : undefined,
      },
      shop,
    );
  }

  const households = [];
  for (const h of [...demoHouseholds, ...generatedHouseholds(37)]) {
    households.push(
      await d.invoke(
        'households.create',
        {
          headName: h.headName,
          phone: h.phone,
          group: h.group,
          members: [{ name: h.headName, relation: '户主' }, ...h.members.map((name) => ({ name, relation: '家庭成员' }))],
        },
        clerk,
      ),
    );
  }

  // Spread this year's conduct over the days so far; a few entries stay pending for the reviewer.
  const today = (await d.invoke('calendar.get', {}, admin)).today;
  const year = today.slice(0, 4);
  const dayOfYear = Math.max(1, Math.floor((Date.parse(today) - Date.parse(`${year}-01-01`)) / 86_400_000) + 1);
  const dateAt = (i: number) => new Date(Date.parse(`${year}-01-01`) + ((i * 37) % dayOfYear) * 86_400_000).toISOString().slice(0, 10);
  const toApprove: number[] = [];
  let n = 0;
  for (const [i, h] of households.entries()) {
    const picks = [0, 0, 0, 3, 3, 6, 6, 7, 9, 2];
    if (i % 3 === 0) picks.push(0, 0, 9, 9, 10);
    if (i % 9 === 4) picks.push(4);
    if (i % 13 === 7) picks.push(5);
    for (const k of picks) {
      const rule = rules[k];
      const points = rule.points === null ? rule.minPoints! + ((i * 5) % (rule.maxPoints! - rule.minPoints! + 1)) : undefined;
      const { entries } = await d.invoke('points.record', { householdIds: [h.id], ruleId: rule.id, points, occurredOn: dateAt(n++), note: '示范数据' }, clerk);
      if (i % 11 !== 10) toApprove.push(...entries.map((e) => e.id));
    }
  }
  await d.invoke('points.review', { entryIds: toApprove, decision: 'approve' }, review);
}
