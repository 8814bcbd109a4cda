import { auditNoteSeparator, changeArrow, changeLabels, changeWords, readChanges, type ChangeValue } from '@shared/core/audit-changes';
import type { Lang } from '../../i18n/messages';

/**
 * An audit row's summary, readable in the current language. The server records one Chinese line
 * per write (electron/…/handlers.ts `audit:`), sometimes with the call's parameters as JSON; the
 * table below reads the figures back out of each form of line so English can say them in its own
 * words. What a row quotes (names, reasons, notes) is the village's own data and stays as written:
 * such parts come back as `value` so the page can mark them.
 */
export interface SummaryPart {
  text: string;
  /** Figures and words quoted from the record, not the app's own words. */
  value?: boolean;
}

type Pattern = readonly [RegExp, string];

/**
 * Each form of line the server writes and its English. `{name}` is a figure read from the line;
 * `[ … ]` is said only when every figure inside it was found.
 */
const lines: readonly Pattern[] = [
  [/^登录 signed in: (?<u>\S+)（首次设置 first-run setup）$/, 'Signed in: {u} (first-run setup)'],
  [/^登录 signed in: (?<u>.+)$/, 'Signed in: {u}'],
  [/^退出登录 \(signed out\)$/, 'Signed out'],
  [/^修改本人 PIN \(changed own PIN\)$/, 'Changed own PIN'],
  [/^新建农户 (?<card>\S+) (?<name>.+)$/, 'New household {card} {name}'],
  [/^修改农户 (?<card>\S+) (?<name>.+)$/, 'Edited household {card} {name}'],
  [/^修改成员 (?<card>\S+) (?<name>.+)$/, 'Edited a member of {card}: {name}'],
  [/^添加成员 (?<card>\S+) (?<name>.+)$/, 'Added a member to {card}: {name}'],
  [/^导入花名册失败：(?<n>\d+) 行有错，未导入$/, 'Roster import refused: {n} rows with errors, nothing imported'],
  [/^导入花名册：新建 (?<c>\d+) 户，更新 (?<u>\d+) 户$/, 'Roster imported: {c} new households, {u} updated'],
  [/^保存评分条目 #(?<id>\d+) (?<rule>.+)$/, 'Saved scoring rule #{id} {rule}'],
  [/^录入积分 条目#(?<rule>\d+) (?<n>\d+) 户$/, 'Recorded points: rule #{rule}, {n} households'],
  [/^通过 (?<n>\d+) 条积分$/, 'Approved {n} entries'],
  [/^驳回 (?<n>\d+) 条积分$/, 'Rejected {n} entries'],
  [/^重新提交积分 #(?<a>\d+) → #(?<b>\d+)$/, 'Resubmitted entry #{a} as #{b}'],
  [/^附照片 (?<sha>\S+) → 积分记录 (?<ids>.+)$/, 'Attached photo {sha} to entries {ids}'],
  [/^冲正积分 #(?<id>\d+): (?<reason>.*)$/, 'Reversed entry #{id}: {reason}'],
  [/^保存商品 #(?<id>\d+) (?<name>.+)$/, 'Saved goods #{id} {name}'],
  [/^保存服务 #(?<id>\d+) (?<name>.+)$/, 'Saved service #{id} {name}'],
  [/^入库 (?<no>\S+) #(?<item>\d+) × (?<qty>\S+) \((?<source>[^)]+)\)$/, 'Received {no}: item #{item} × {qty} ({source})'],
  [/^入库单 (?<no>\S+)：(?<n>\d+) 行，共 (?<qty>\S+) 件$/, 'Receiving note {no}: {n} lines, {qty} units'],
  [/^盘点 #(?<item>\d+) 实盘 (?<qty>\S+): (?<reason>.*)$/, 'Counted item #{item}: {qty} on hand; {reason}'],
  [/^盘点表 (?<no>\S+)：(?<n>\d+) 项，差异 (?<v>\d+) 项$/, 'Stocktake {no}: {n} items, {v} differ'],
  [/^设置服务结算每分折合 （不折算）$/, 'Service settlement: points are not converted to money'],
  [/^设置服务结算每分折合 (?<fen>\d+) 分钱$/, 'Service settlement: 1 point = {fen} fen'],
  [/^设置兑换日: (?<days>.+)$/, 'Redemption days: {days}'],
  [/^兑换 (?<no>\S+) 户#(?<h>\d+) (?<pts>-?\d+) 分$/, 'Receipt {no}: household #{h}, {pts} points'],
  [/^作废 (?<no>\S+): (?<reason>.*)$/, 'Voided {no}: {reason}'],
  [/^服务 (?<no>\S+) 户#(?<h>\d+) 项目#(?<item>\d+) (?<pts>-?\d+) 分$/, 'Service {no}: household #{h}, item #{item}, {pts} points'],
  [/^村务设置: (?<json>\{.*\})$/, 'Village settings: {json}'],
  [/^村务设置$/, 'Village settings'],
  [/^配置打印机 (?<p>.+) (?<w>\d+) 列 (?<c>\d+) 联$/, 'Printer {p}, {w} columns, {c} copies'],
  [/^打印测试页 (?<p>.+) (?<w>\d+) 列$/, 'Test page on {p}, {w} columns'],
  [/^(?<what>打印兑换凭证|重打兑换凭证|打印作废单|重打作废单) (?<no>\S+)（户主 (?<name>.+)，(?<n>\d+) 联）$/, '{what} {no} ({name}, {n} copies)'],
  [/^新建用户 (?<u>\S+) (?<name>.+) #(?<id>\d+) 角色 (?<roles>.*)$/, 'New user {u} {name} #{id}, roles {roles}'],
  [/^修改用户 (?<u>\S+) #(?<id>\d+): (?<changes>.*)$/, 'Edited user {u} #{id}: {changes}'],
  [/^修改用户 (?<u>\S+) #(?<id>\d+)$/, 'Edited user {u} #{id}'],
  [/^重置用户 (?<u>\S+) #(?<id>\d+) 的 PIN 并解除锁定$/, 'Reset the PIN of {u} #{id} and unlocked the account'],
  [/^手动备份 (?<file>\S+) \((?<bytes>\d+) 字节\)$/, 'Backed up to {file} ({bytes} bytes)'],
  [
    /^恢复备份 (?<file>\S+)（此备份之后的写入已被替换）；恢复前的数据已存为 (?<safety>\S+)$/,
    'Restored {file} (writes after it were replaced); the data before was saved as {safety}',
  ],
  [/^备份保留份数设为 (?<n>\d+)$/, 'Backups kept: {n}'],
  [/^发布 (?<y>\d+)年第(?<q>\d)季度红黑榜 \(红榜 (?<r>\d+) 户, 黑榜 (?<b>\d+) 户\)$/, 'Published the Q{q} {y} boards (red {r}, black {b} households)'],
  [/^撤榜 (?<y>\d+)年第(?<q>\d)季度: (?<reason>.*)$/, 'Withdrew the Q{q} {y} boards: {reason}'],
  [/^红黑榜统计口径: (?<basis>.+)$/, 'Board basis: {basis}'],
  [
    /^评优 (?<y>\d+) (?<award>\S+) 户#(?<h>\d+)(?: 成员#(?<p>\d+))?: (?<d>评上|未评上)(?: \((?<note>.*)\))?$/,
    'Award {y} {award}, household #{h}[, member #{p}]: {d}[ ({note})]',
  ],
  [/^设置集中兑换套餐: (?<lines>.+)，优先(?<prefer>套餐|上次购物车)$/, 'Bulk bundle: {lines}; prefer {prefer}'],
  [/^打印集中兑换日汇总 (?<d>\S+)$/, 'Printed the bulk-day summary of {d}'],
  [/^日结 (?<no>\S+): (?<n>\d+) 笔 (?<pts>-?\d+) 分，作废 (?<v>\d+) 笔$/, 'Day close {no}: {n} redemptions, {pts} points, {v} voided'],
  [/^打印日结单 (?<no>\S+)$/, 'Printed day close {no}'],
  [/^重打日结单 (?<no>\S+)$/, 'Reprinted day close {no}'],
  [/^更新 (?<a>\S+) → (?<b>\S+)$/, 'Updated {a} → {b}'],
  [
    /^首次设置：本机为收银台，已与村委会配对（柜台 (?<c>\S+)，终端 (?<t>\S+)）(?<extras>.*)$/,
    'First-run setup: a counter paired with the office (counter {c}, terminal {t}){extras}',
  ],
  [
    /^首次设置：本机为(?<role>单机|村委会|收银台)；(?<place>.+?)（(?<code>\d+)）；管理员 (?<u>\S+) (?<name>[^；]+)(?<extras>.*)$/,
    'First-run setup: {role}; {place} ({code}); admin {u} {name}{extras}',
  ],
  [/^本机角色：(?<a>\S+) → (?<b>\S+)$/, "This PC's role: {a} → {b}"],
  [/^局域网访问：开启 (?<url>\S+)$/, 'LAN access on at {url}'],
  [/^局域网访问：关闭$/, 'LAN access off'],
  [/^解除与村委会 (?<url>\S+) 的配对（终端 (?<t>\S+)，柜台 (?<c>\S+)）$/, 'Unpaired from the office {url} (terminal {t}, counter {c})'],
  [/^与村委会 (?<url>\S+) 配对：终端 (?<t>\S+)，柜台编号 (?<c>\S+)$/, 'Paired with the office {url}: terminal {t}, counter {c}'],
  [/^与县里 (?<url>\S+) 配对：(?<name>.+) \((?<code>\d+)\)$/, 'Paired with the county {url}: {name} ({code})'],
  [/^村委会地址改为 (?<url>\S+)$/, 'Office address: {url}'],
  [/^生成配对码：柜台 (?<c>\S+)（(?<name>.+)），(?<exp>\S+) 前有效$/, 'Pairing code for counter {c} ({name}), valid until {exp}'],
  [/^停用终端 (?<t>\S+)（柜台 (?<c>\S+)）：(?<reason>.*)$/, 'Revoked terminal {t} (counter {c}): {reason}'],
  [/^处理同步冲突 #(?<id>\d+)：(?<res>.*)$/, 'Resolved sync conflict #{id}: {res}'],
  [/^重新生成农户 (?<h>\d+) 的查分二维码$/, 'Remade the points QR code of household #{h}'],
  [/^生成农户 (?<h>\d+) 的查分二维码$/, 'Made the points QR code of household #{h}'],
  [/^打印积分卡：(?<n>\d+) 户的查分二维码$/, 'Printed points cards for {n} households'],
  [/^重复请求，未新增 \(replayed request, nothing new\): 返回原单 (?<no>\S+) \(requestId [^)]+\)$/, 'Repeated request, nothing new: returned receipt {no}'],
  // Notes the dispatcher appends after " | ".
  [/^主管授权 supervisor: (?<name>.+) \((?<u>\S+) #(?<id>\d+)\)$/, 'authorised by supervisor {name} ({u} #{id})'],
  [/^非兑换日特批 override: (?<reason>.*)$/, 'off-day override: {reason}'],
  [/^by (?<name>.+) \((?<u>\S+) #(?<id>\d+)\)$/, 'by {name} ({u} #{id})'],
  [/^无变化$/, 'no change'],
];

/** The app's own fixed words inside a figure (a role, a decision), said in English; longest first. */
const phrases: readonly (readonly [RegExp, string])[] = [
  [/打印兑换凭证/g, 'Printed receipt'],
  [/重打兑换凭证/g, 'Reprinted receipt'],
  [/打印作废单/g, 'Printed void slip'],
  [/重打作废单/g, 'Reprinted void slip'],
  [/上次购物车/g, 'the last cart'],
  [/年初至今/g, 'year to date'],
  [/本季度/g, 'this quarter'],
  [/未评上/g, 'not awarded'],
  [/评上/g, 'awarded'],
  [/星级党员/g, 'Star Party member'],
  [/文明户/g, 'Civilised household'],
  [/孝道家庭/g, 'Filial family'],
  [/道德模范/g, 'Moral model'],
  [/套餐/g, 'the bundle'],
  [/（空）/g, '(empty)'],
  [/无变化/g, 'no change'],
  [/姓名 /g, 'name '],
  [/角色 /g, 'roles '],
  [/启用/g, 'active'],
  [/停用/g, 'inactive'],
  [/，/g, ', '],
  [/；/g, '; '],
  [/、/g, ', '],
  [/单机/g, 'one-PC village'],
  [/村委会/g, 'village office'],
  [/收银台/g, 'counter'],
  [/浏览器打印/g, 'browser printing'],
  [/系统打印机 /g, 'system printer '],
  [/打印机 /g, 'printer '],
  [/兑换日 /g, 'redemption days '],
  [/每天/g, 'every day'],
  [/每月(\d+)日/g, 'day $1 of each month'],
  [/试点 (\S+) 起前三个月集中兑换日 /g, 'pilot from $1, bulk days in the first three months '],
];

const fieldNames: Record<string, readonly [zh: string, en: string]> = {
  villageName: ['村名', 'village name'],
  timeZone: ['时区', 'time zone'],
  noticeDays: ['公示天数', 'notice days'],
  cardPrefix: ['卡号前缀', 'card prefix'],
  householdId: ['农户', 'household'],
  itemId: ['商品', 'item'],
  qty: ['数量', 'qty'],
  points: ['积分', 'points'],
  reason: ['理由', 'reason'],
  note: ['备注', 'note'],
  date: ['日期', 'date'],
  lines: ['明细', 'lines'],
  requestId: ['请求编号', 'request'],
};

const cjk = /[\u3400-\u9fff]/;

function scalar(v: unknown, lang: Lang): string {
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.map((x) => scalar(x, lang)).join(lang === 'zh' ? '、' : ', ');
  if (typeof v === 'object') {
    return Object.entries(v)
      .map(([k, x]) => `${k} ${scalar(x, lang)}`)
      .join(' ');
  }
  return String(v);
}

/** A call's parameters as "field: value" pairs, the field in the language, the value as recorded. */
function fields(json: string, lang: Lang): SummaryPart[] | null {
  let obj: unknown;
  try {
    obj = JSON.parse(json);
  } catch {
    return null;
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return null;
  const parts: SummaryPart[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (parts.length) parts.push({ text: lang === 'zh' ? '；' : '; ' });
    const name = fieldNames[k];
    parts.push({ text: `${name ? name[lang === 'zh' ? 0 : 1] : k}${lang === 'zh' ? '：' : ': '}` }, { text: scalar(v, lang), value: true });
  }
  return parts;
}

const englishValue = (v: string) => phrases.reduce((s, [re, en]) => s.replace(re, en), v);

/** Fills a template from the figures read out of a line; a `[ … ]` whose figures are missing is left out. */
function fill(template: string, groups: Record<string, string | undefined>): SummaryPart[] {
  const present = template.replace(/\[([^\]]*)\]/g, (_, inner: string) => ([...inner.matchAll(/\{(\w+)\}/g)].every((m) => groups[m[1]]) ? inner : ''));
  const parts: SummaryPart[] = [];
  let last = 0;
  for (const m of present.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) parts.push({ text: present.slice(last, m.index) });
    const raw = groups[m[1]] ?? '';
    if (m[1] === 'json') parts.push(...(fields(raw, 'en') ?? [{ text: raw, value: true }]));
    else if (raw) parts.push({ text: englishValue(raw), value: true });
    last = m.index + m[0].length;
  }
  if (last < present.length) parts.push({ text: present.slice(last) });
  return singular(parts);
}

const singulars: Record<string, string> = {
  households: 'household',
  entries: 'entry',
  copies: 'copy',
  lines: 'line',
  items: 'item',
  redemptions: 'redemption',
  rows: 'row',
  units: 'unit',
};

/** "1 households" reads "1 household": the noun after a figure of one. */
function singular(parts: SummaryPart[]): SummaryPart[] {
  return parts.map((p, i) => {
    const before = parts[i - 1];
    if (p.value || !before?.value || before.text !== '1') return p;
    return { text: p.text.replace(/^ (\w+)/, (all, noun: string) => (singulars[noun] ? ` ${singulars[noun]}` : all)) };
  });
}

const changeValue = (v: ChangeValue): SummaryPart => ('word' in v ? { text: changeWords[v.word] } : { text: 'quoted' in v ? v.quoted : v.figure, value: true });

/**
 * An edit's note of what it changed (core/audit-changes.ts), '积分 50 → 60；启用 是 → 否': each field
 * named in English, each value as recorded. Null if the line is not such a note.
 */
function changes(line: string): SummaryPart[] | null {
  const list = readChanges(line);
  return (
    list?.flatMap((c, i) => [
      ...(i ? [{ text: '; ' }] : []),
      { text: `${changeLabels[c.label]} ` },
      changeValue(c.was),
      { text: changeArrow },
      changeValue(c.now),
    ]) ?? null
  );
}

function oneLine(line: string, lang: Lang): SummaryPart[] {
  if (lang === 'zh') {
    const json = /^(?<head>[^{]*?)(?<json>\{.*\})$/.exec(line);
    const list = json?.groups && fields(json.groups.json, 'zh');
    return list ? [{ text: json.groups!.head }, ...list] : [{ text: line }];
  }
  const json = line.startsWith('{') ? fields(line, 'en') : null;
  if (json) return json;
  const changed = changes(line);
  if (changed) return changed;
  for (const [re, en] of lines) {
    const m = re.exec(line);
    if (m) return fill(en, m.groups ?? {});
  }
  // A line this build cannot read: shown as recorded rather than guessed at.
  return [{ text: line, value: cjk.test(line) }];
}

/** The summary in the language: its main line, then the notes (supervisor, override) after a separator. */
export function readableSummary(summary: string, lang: Lang): SummaryPart[] {
  const [main, ...notes] = summary.split(auditNoteSeparator);
  const parts = oneLine(main, lang);
  for (const n of notes) parts.push({ text: lang === 'zh' ? '；' : '; ' }, ...oneLine(n, lang));
  return parts;
}

/** The summary as one plain line (for tests and titles). */
export const summaryText = (summary: string, lang: Lang) =>
  readableSummary(summary, lang)
    .map((p) => p.text)
    .join('');
