import { useCallback } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { format } from '../../i18n/messages';

/** Words of the boards, awards, reports and bulk-day pages. Chinese first; English mirrors it key for key. */
const zh = {
  // shared
  year: '年份', quarter: '季度', q1: '第一季度', q2: '第二季度', q3: '第三季度', q4: '第四季度', rank: '名次', headName: '户主', name: '姓名',
  cardNo: '卡号', group: '小组', score: '积分', points: '分', pointsCol: '积分', refresh: '刷新', exportExcel: '导出 Excel', print: '打印',
  close: '关闭', cancel: '取消', ok: '确定', none: '—', noData: '暂无数据', loading: '加载中…', saved: '已保存', note: '备注', reason: '原因',
  at: '时间', by: '经办人', households: '户',

  // boards
  boardsTitle: '红黑榜', redBoard: '红榜', blackBoard: '黑榜', redEmpty: '本期没有正分农户', blackEmpty: '本期没有负分农户',
  basisQuarter: '按本季度积分', basisYtd: '按年初至季末累计积分', period: '统计区间：{from} 至 {to}',
  statusPublished: '已发布 · {at} · {by}', statusDraft: '未发布（当前计算结果）', statusWithdrawn: '已撤榜',
  publish: '发布', publishConfirm: '发布 {year} 年{quarter}红黑榜？发布后榜单内容固定，更正须先撤榜。', publishNote: '发布说明（可选）',
  published: '已发布', withdraw: '撤榜', withdrawTitle: '撤下 {year} 年{quarter}红黑榜', withdrawReason: '撤榜原因（必填）', withdrawn: '已撤榜',
  poster: '打印海报', display: '大屏展示', history: '发布记录', historyEmpty: '还没有发布过红黑榜',
  actionPublish: '发布', actionWithdraw: '撤榜', viewBoard: '查看榜单', basisSetting: '统计口径', basisSaved: '统计口径已更新',
  liveDiffers: '发布后积分有变化：下方为已发布的榜单，当前计算结果见「当前计算」。', showLive: '当前计算', showPublished: '已发布榜单',
  tieNote: '同分同名次；第 10 名并列者全部上榜',
  posterTitle: '{year}年{quarter}红黑榜', posterDraft: '草稿（未发布）', posterRedMotto: '崇德向善 · 光荣上榜', posterBlackMotto: '知耻后勇 · 争创红榜',
  posterFooter: '{village}村积分制工作执行组', posterNotice: '以上榜单依据审核通过的积分排名。如有异议，请于公示期内向村积分制工作执行组反映。',
  back: '返回', fullscreen: '全屏', exitHint: '按 Esc 退出全屏',
  displayNothing: '暂无已发布的红黑榜', displayNothingHint: '村委会发布红黑榜后，这里会自动显示', displayPage: '第 {n}/{m} 页',

  // awards
  awardsTitle: '评优候选', star_party_member: '星级党员', civilized_household: '文明户', filial_family: '孝道家庭', moral_model: '道德模范',
  awardHint_star_party_member: '党员本人名下审核通过的积分排名', awardHint_civilized_household: '各户本年审核通过的积分排名',
  awardHint_filial_family: '「孝老爱亲」类有加分且无扣分的农户，按该类积分排名', awardHint_moral_model: '个人名下审核通过的积分排名',
  filialPoints: '孝老爱亲积分', householdScore: '全户积分', decision: '评议结果', pending: '待定', awarded: '评上', notAwarded: '未评上',
  decide: '记录评议', decideTitle: '记录评议结果：{name}', decideNote: '依据（如：村民代表会议表决）', decisions: '评议记录',
  candidatesNote: '名单按积分排名，供评议参考；评上与否由村民评议决定，系统只作记录。', printList: '打印名单', listTitle: '{year}年度{award}候选名单',

  // reports
  reportsTitle: '统计报表', presetMonth: '月报', presetQuarter: '季报', presetYear: '年报', presetJune: '进展报告（截至6月底）',
  presetSeptember: '进展报告（截至9月底）', presetAnnual: '年度总结', month: '月份',
  kpiAwarded: '奖励积分', kpiDeducted: '扣减积分', kpiNet: '净积分', kpiParticipation: '参与率', kpiParticipationSub: '{n} / {m} 户有审核通过的积分',
  kpiRedeemed: '兑换积分', kpiRedeemedSub: '{n} 笔 · {m} 户',
  byCategory: '积分分类统计', category: '类别', awardedCol: '奖励', deductedCol: '扣减', netCol: '净积分', entries: '记录条数', hhCol: '涉及农户',
  trend: '按月趋势', redeemedCol: '兑换', redemptionsByItem: '兑换商品', redemptionsByService: '兑换服务', itemCol: '名称', qty: '数量', unit: '单位',
  countCol: '笔数', stockTitle: '库存', received: '入库', redeemedQty: '兑出', returned: '作废退回', adjusted: '盘点调整', onHand: '期末库存',
  other: '其他', fundingTitle: '经费来源', fundingSource: '经费来源', receivedQty: '入库数量', receivedValue: '入库金额（元）', redeemedValue: '兑出金额（元）', onHandValue: '结存金额（元）',
  providersTitle: '服务商结算', provider: '服务商', valueYuan: '折合金额（元）', generatedAt: '制表时间：{at}', preparedBy: '制表人（签字）：', checkedBy: '审核人（签字）：',

  // bulk
  bulkTitle: '集中兑换', bulkScan: '刷卡（卡号）后回车：自动带出套餐；再按回车兑换并打印', bulkDayBadge: '今天是集中兑换日', notBulkDay: '今天不是集中兑换日',
  notRedemptionDay: '今天不是兑换日：兑换需主管特批', bundle: '套餐', lastCart: '上次购物车', proposal: '本次兑换', total: '合计', available: '可兑换',
  afterRedeem: '兑换后剩余', enterToRedeem: '回车 = 兑换并打印', f4Toggle: 'F4 切换 套餐 / 上次购物车', escNext: 'Esc 下一位',
  servedTodayWarn: '该户今天已兑换（{no}），再按一次回车确认重复兑换', noProposal: '没有可带出的套餐或上次购物车：请先设置套餐，或到收银台兑换',
  waitingCard: '请刷卡', served: '已服务', redeemedPoints: '已兑积分', voids: '作废', stockLeft: '套餐库存', perHh: '每户 {n}{unit}', hhLeft: '约够 {n} 户',
  editBundle: '设置套餐', bundleTitle: '集中兑换套餐', addItem: '添加商品或服务', prefer: '刷卡后优先带出', preferBundle: '套餐', preferLastCart: '上次购物车（没有则用套餐）',
  bundleSaved: '套餐已保存', daySummary: '日汇总', printDaySummary: '打印日汇总', daySummaryPrinted: '日汇总已打印', recent: '最近兑换',
  redeemedToast: '{name} 兑换 {points} 分 · {no}', printFailed: '小票未打印：{msg}', retryPrint: '重试打印',
  overrideTitle: '今天不是兑换日：主管特批', overrideHelp: '需要主管（管理员）输入用户名和 PIN 并填写原因，特批会记录在案。', overrideReason: '特批原因', overrideOk: '特批并兑换',
  problems: '不能兑换', keystrokes: '刷卡 → 回车，即可服务下一位',
} as const;

export type BoardTextKey = keyof typeof zh;

const en: Record<BoardTextKey, string> = {
  year: 'Year', quarter: 'Quarter', q1: 'Q1', q2: 'Q2', q3: 'Q3', q4: 'Q4', rank: 'Rank', headName: 'Head', name: 'Name',
  cardNo: 'Card', group: 'Group', score: 'Points', points: 'pts', pointsCol: 'Points', refresh: 'Refresh', exportExcel: 'Export Excel', print: 'Print',
  close: 'Close', cancel: 'Cancel', ok: 'OK', none: '—', noData: 'No data', loading: 'Loading…', saved: 'Saved', note: 'Note', reason: 'Reason',
  at: 'Time', by: 'By', households: 'households',

  boardsTitle: 'Red & black boards', redBoard: 'Red board', blackBoard: 'Black board', redEmpty: 'No household with a positive score', blackEmpty: 'No household with a negative score',
  basisQuarter: 'Quarter score', basisYtd: 'Year-to-date score', period: 'Period: {from} to {to}',
  statusPublished: 'Published · {at} · {by}', statusDraft: 'Not published (live figures)', statusWithdrawn: 'Withdrawn',
  publish: 'Publish', publishConfirm: 'Publish the {quarter} {year} boards? Once published they are fixed; to correct them, withdraw first.', publishNote: 'Note (optional)',
  published: 'Published', withdraw: 'Withdraw', withdrawTitle: 'Withdraw the {quarter} {year} boards', withdrawReason: 'Reason (required)', withdrawn: 'Withdrawn',
  poster: 'Print poster', display: 'TV display', history: 'History', historyEmpty: 'No boards published yet',
  actionPublish: 'Published', actionWithdraw: 'Withdrawn', viewBoard: 'View', basisSetting: 'Basis', basisSaved: 'Basis updated',
  liveDiffers: 'Points changed since publication: below is the published board; see "Live" for the current figures.', showLive: 'Live', showPublished: 'Published',
  tieNote: 'Equal scores share a rank; every household tied at rank 10 is listed',
  posterTitle: '{quarter} {year} red & black boards', posterDraft: 'DRAFT (not published)', posterRedMotto: 'Honour to the good', posterBlackMotto: 'Do better next quarter',
  posterFooter: '{village} points working group', posterNotice: 'Ranked by approved points. Objections may be raised with the working group during the notice period.',
  back: 'Back', fullscreen: 'Full screen', exitHint: 'Esc leaves full screen',
  displayNothing: 'No boards published yet', displayNothingHint: 'They appear here as soon as the village publishes them', displayPage: 'Page {n}/{m}',

  awardsTitle: 'Award candidates', star_party_member: 'Star party member', civilized_household: 'Civilized household', filial_family: 'Filial family', moral_model: 'Moral model',
  awardHint_star_party_member: "Party members by the approved points in their own name", awardHint_civilized_household: "Households by this year's approved points",
  awardHint_filial_family: 'Households with filial-piety points and no deduction there, ranked by those points', awardHint_moral_model: 'Persons by the approved points in their name',
  filialPoints: 'Filial points', householdScore: 'Household score', decision: 'Decision', pending: 'Pending', awarded: 'Awarded', notAwarded: 'Not awarded',
  decide: 'Record decision', decideTitle: 'Record the decision: {name}', decideNote: 'Basis (e.g. villagers’ meeting vote)', decisions: 'Decisions',
  candidatesNote: 'Ranked by points for reference; the village decides, the app records.', printList: 'Print list', listTitle: '{award} candidates {year}',

  reportsTitle: 'Reports', presetMonth: 'Month', presetQuarter: 'Quarter', presetYear: 'Year', presetJune: 'Progress (to end of June)',
  presetSeptember: 'Progress (to end of September)', presetAnnual: 'Annual summary', month: 'Month',
  kpiAwarded: 'Awarded', kpiDeducted: 'Deducted', kpiNet: 'Net', kpiParticipation: 'Participation', kpiParticipationSub: '{n} of {m} households with approved points',
  kpiRedeemed: 'Redeemed', kpiRedeemedSub: '{n} redemptions · {m} households',
  byCategory: 'Points by category', category: 'Category', awardedCol: 'Awarded', deductedCol: 'Deducted', netCol: 'Net', entries: 'Entries', hhCol: 'Households',
  trend: 'By month', redeemedCol: 'Redeemed', redemptionsByItem: 'Goods redeemed', redemptionsByService: 'Services redeemed', itemCol: 'Name', qty: 'Qty', unit: 'Unit',
  countCol: 'Count', stockTitle: 'Stock', received: 'Received', redeemedQty: 'Redeemed', returned: 'Returned (voids)', adjusted: 'Stocktake', onHand: 'On hand',
  other: 'Other', fundingTitle: 'Funding sources', fundingSource: 'Source', receivedQty: 'Received', receivedValue: 'Received (yuan)', redeemedValue: 'Redeemed (yuan)', onHandValue: 'On hand (yuan)',
  providersTitle: 'Provider settlement', provider: 'Provider', valueYuan: 'Value (yuan)', generatedAt: 'Made {at}', preparedBy: 'Prepared by:', checkedBy: 'Checked by:',

  bulkTitle: 'Bulk day', bulkScan: 'Swipe a card + Enter: the bundle comes up; Enter again redeems and prints', bulkDayBadge: 'Today is a bulk redemption day', notBulkDay: 'Today is not a bulk day',
  notRedemptionDay: 'Not a redemption day: a supervisor must authorize', bundle: 'Bundle', lastCart: 'Last cart', proposal: 'This redemption', total: 'Total', available: 'Available',
  afterRedeem: 'Left after', enterToRedeem: 'Enter = redeem and print', f4Toggle: 'F4 bundle / last cart', escNext: 'Esc next',
  servedTodayWarn: 'Already redeemed today ({no}); press Enter again to redeem once more', noProposal: 'No bundle or last cart to propose: set a bundle, or use the counter',
  waitingCard: 'Swipe a card', served: 'Served', redeemedPoints: 'Points', voids: 'Voids', stockLeft: 'Bundle stock', perHh: '{n} {unit} each', hhLeft: '≈ {n} households',
  editBundle: 'Bundle', bundleTitle: 'Bulk-day bundle', addItem: 'Add goods or a service', prefer: 'Propose first', preferBundle: 'The bundle', preferLastCart: 'The last cart (else the bundle)',
  bundleSaved: 'Bundle saved', daySummary: 'Day summary', printDaySummary: 'Print day summary', daySummaryPrinted: 'Day summary printed', recent: 'Recent',
  redeemedToast: '{name} redeemed {points} pts · {no}', printFailed: 'Receipt not printed: {msg}', retryPrint: 'Retry print',
  overrideTitle: 'Not a redemption day: supervisor override', overrideHelp: 'A supervisor (admin) enters a username, PIN and reason; the override is recorded.', overrideReason: 'Reason', overrideOk: 'Override and redeem',
  problems: 'Cannot redeem', keystrokes: 'Swipe → Enter, and on to the next person',
};

const text = { zh, en } as const;

export function useBoardText() {
  const { lang } = useI18n();
  const b = useCallback((key: BoardTextKey, vars?: Record<string, string | number>) => format(text[lang][key] ?? zh[key], vars), [lang]);
  return { b, lang };
}

export const quarterKey = (q: number) => (`q${q}` as BoardTextKey);
