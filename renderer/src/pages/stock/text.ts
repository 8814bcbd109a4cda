import { useCallback } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { format, type Lang } from '../../i18n/messages';

/** Words of the stock, service and report pages. Chinese first; English mirrors it key for key. */
const zh = {
  // shared
  fiscal: '财政补助', collective: '村集体经济收入', donation: '社会捐赠', sponsor: '联系点(定点)单位扶持', surplus: '盘盈（无经费来源）', unknown: '来源不明',
  kindReceive: '入库', kindRedeem: '兑换', kindVoid: '作废退回', kindCount: '盘点调整',
  goods: '商品', service: '服务', item: '商品', unit: '单位', qty: '数量', points: '积分', pointsUnit: '分', barcode: '条码', category: '分类',
  stock: '库存', status: '状态', active: '在用', inactive: '停用', actions: '操作', edit: '编辑', save: '保存', cancel: '取消', close: '关闭',
  print: '打印', exportExcel: '导出 Excel', refresh: '刷新', total: '合计', from: '从', to: '至', month: '月份', date: '日期', time: '时间',
  note: '备注', reason: '原因', operator: '经办人', docNo: '单据号', yuan: '元', none: '—', remove: '删除', view: '查看',
  signShop: '超市管理员（签字）：', signCheck: '监督人（签字）：', signLeader: '村委会负责人（签字）：', printedAt: '打印时间：',
  noData: '暂无数据', lowStockTitle: '库存不足提醒：{n} 种商品需要补货', saved: '已保存', loading: '加载中…',

  // catalog
  catalogTitle: '商品与服务', addGoods: '新增商品', addService: '新增服务', search: '搜索名称、条码或分类', showInactive: '显示停用',
  fixedPrice: '固定积分', openPrice: '现场定价', minPoints: '最低积分', maxPoints: '最高积分', limitPerYear: '每户每年限', lowThreshold: '低库存提醒线',
  providers: '服务商', noProviders: '未指定', lowStock: '库存低', editItem: '编辑「{name}」', newGoods: '新增商品', newService: '新增服务',
  pricing: '定价', name: '名称', times: '次', perYear: '{n}{unit}/年', itemSaved: '「{name}」已保存',
  thresholdHelp: '库存降到此数或以下时，收银台和办公室首页提醒补货；留空不提醒',
  limitHelp: '如每户每年最多 2 次空调清洗；留空不限',
  openPriceHelp: '如缴纳医保：由收银员或服务商现场填写积分，须在上下限之内',
  needName: '请填写名称', needUnit: '请填写单位', needPoints: '请填写积分（正整数）', badNumber: '请填写正整数',

  // receiving
  receivingTitle: '入库', newNote: '新入库单', receivingNote: '入库单', stocktakeSheet: '盘点表', scanToAdd: '扫商品条码或输入条码，回车加入', pickGoods: '或选择商品…', fundingSource: '经费来源',
  donor: '捐赠方 / 单位', donorPlaceholder: '捐赠方或联系点单位名称', unitCost: '单价（元）', amount: '金额（元）', noteText: '入库说明',
  saveNote: '保存入库单', noteSaved: '入库单 {no} 已保存', unknownBarcode: '条码 {code} 没有对应的商品，请先在「商品与服务」中添加',
  emptyNote: '扫码或选择商品，加入入库单', recentNotes: '最近的入库单', noteTitle: '{village} 积分超市入库单', noteNo: '单号', lines: '{n} 行',
  needDonor: '第 {n} 行：社会捐赠和联系点单位扶持须填写捐赠方或单位名称', badCost: '第 {n} 行：单价应为金额，如 12.50', badQty: '第 {n} 行：数量应为正整数',
  bySourceTitle: '按经费来源小计', receivedBy: '入库人', noCost: '未填',

  // stocktake
  stocktakeTitle: '盘点', expected: '账面数', counted: '实盘数', variance: '差异', sheetReason: '差异原因（未单独填写的行）', sheetReasonPlaceholder: '如：月末盘点',
  onlyVariance: '只看有差异的', fillRest: '未填的按账面数', clearCounts: '清空', printBlank: '打印盘点表（空白）', submitStocktake: '提交盘点',
  countedOf: '已盘 {n} / {all} 项，差异 {v} 项', sheetSaved: '盘点表 {no} 已保存：差异 {v} 项', recentSheets: '最近的盘点表',
  sheetTitle: '{village} 积分超市盘点表', blankSheetTitle: '{village} 积分超市盘点表（盘点用）', noticeTitle: '{village} 积分超市库存盘点结果公示',
  publicNotice: '公示', scopeAll: '全面盘点', scopePartial: '抽盘', surplusQty: '盘盈', shortageQty: '盘亏', nothingCounted: '请至少填写一项实盘数',
  noticeIntro: '本村积分超市于 {date} 进行了库存盘点（盘点表 {no}），共盘点 {n} 种商品，其中 {v} 种账实不符，结果如下：',
  noticeOutro: '以上盘点结果予以公示。如有疑问，请向村积分制工作执行组或村务监督委员会反映。',
  noticeNoVariance: '本次盘点账实相符。', villageCommittee: '{village}村民委员会',
  needReason: '「{name}」有差异，请填写原因或填写下方的差异原因',

  // movements
  movementsTitle: '库存流水', allGoods: '全部商品', allKinds: '全部类型', change: '变动', balance: '结存', truncated: '只显示最近 {n} 条',
  movementCount: '共 {n} 条', movedIn: '入 {n}', movedOut: '出 {n}',

  // settlement
  settlementTitle: '服务商结算', provider: '服务商', serviceCount: '服务次数', valueYuan: '金额（元）', rate: '每分折合', rateUnset: '未设置（只统计积分）',
  rateSave: '设置', badRate: '请填写金额，如 0.10', rateSaved: '已设置每分折合 {v} 元', rateHelp: '村里设定：每 1 积分折合多少元，用于和服务商结算', byService: '按服务项目', byMonth: '按月',
  settlementSheet: '{village} 服务商结算表', period: '统计期间：{from} 至 {to}', customRange: '自定义期间',

  // funding
  fundingTitle: '经费来源', receivedQty: '入库数量', receivedValue: '入库金额', redeemedQty: '兑出数量', redeemedValue: '兑出金额', lostQty: '盘亏数量',
  lostValue: '盘亏金额', onHandQty: '结存数量', onHandValue: '结存金额', byDonor: '捐赠方与联系点单位', details: '明细（按商品）',
  fundingSheet: '{village} 积分超市经费来源统计表', fifoNote: '兑出的商品按入库先后（先进先出）归属经费来源；兑出数已扣除作废退回；结存为 {to} 日终。',

  // provider phone page
  providerTitle: '服务登记', cardPlaceholder: '刷卡或输入卡号、姓名', find: '查找', householdNotFound: '没有找到「{q}」', pickHousehold: '找到 {n} 户，请选择',
  availableLabel: '可用积分', pickService: '选择服务', noServices: '您还没有可登记的服务项目，请联系超市管理员', pointsFor: '本次积分（{min}–{max}）',
  confirmLog: '确认登记：{name} {n} 分', logged: '登记成功', receiptNo: '单号 {no}', availableAfter: '剩余可用 {n} 分', next: '下一位',
  myLog: '本月我的服务', monthTotal: '本月 {count} 次，共 {points} 分', logout: '退出', changeHousehold: '换一户', voided: '已作废', backToMenu: '返回',
  owedBlocked: '该户欠 {n} 分，暂不能兑换',
};

type Text = typeof zh;
export type TextKey = keyof Text;

const en: Text = {
  fiscal: 'Fiscal subsidy', collective: 'Village collective income', donation: 'Social donation', sponsor: 'Sponsor unit support', surplus: 'Stocktake surplus (no purse)', unknown: 'Unknown origin',
  kindReceive: 'Received', kindRedeem: 'Redeemed', kindVoid: 'Voided back', kindCount: 'Stocktake adjustment',
  goods: 'Goods', service: 'Service', item: 'Item', unit: 'Unit', qty: 'Qty', points: 'Points', pointsUnit: 'pts', barcode: 'Barcode', category: 'Category',
  stock: 'Stock', status: 'Status', active: 'Active', inactive: 'Inactive', actions: 'Actions', edit: 'Edit', save: 'Save', cancel: 'Cancel', close: 'Close',
  print: 'Print', exportExcel: 'Export Excel', refresh: 'Refresh', total: 'Total', from: 'From', to: 'to', month: 'Month', date: 'Date', time: 'Time',
  note: 'Note', reason: 'Reason', operator: 'By', docNo: 'Document', yuan: 'yuan', none: '—', remove: 'Remove', view: 'View',
  signShop: 'Shopkeeper (signature):', signCheck: 'Supervisor (signature):', signLeader: 'Village committee (signature):', printedAt: 'Printed:',
  noData: 'No data', lowStockTitle: 'Low stock: {n} goods need restocking', saved: 'Saved', loading: 'Loading…',

  catalogTitle: 'Goods & services', addGoods: 'New goods', addService: 'New service', search: 'Search name, barcode or category', showInactive: 'Show inactive',
  fixedPrice: 'Fixed points', openPrice: 'Open price', minPoints: 'Min points', maxPoints: 'Max points', limitPerYear: 'Per household per year', lowThreshold: 'Low-stock threshold',
  providers: 'Providers', noProviders: 'None', lowStock: 'Low stock', editItem: 'Edit “{name}”', newGoods: 'New goods', newService: 'New service',
  pricing: 'Pricing', name: 'Name', times: 'times', perYear: '{n} {unit}/year', itemSaved: '“{name}” saved',
  thresholdHelp: 'At or below this stock the counter and the office home ask for restocking; empty: no alert',
  limitHelp: 'e.g. at most 2 AC cleanings per household a year; empty: no limit',
  openPriceHelp: 'e.g. medical insurance: the cashier or provider enters the points, within the bounds',
  needName: 'Enter a name', needUnit: 'Enter a unit', needPoints: 'Enter the points (a positive whole number)', badNumber: 'Enter a positive whole number',

  receivingTitle: 'Receiving', newNote: 'New receiving note', receivingNote: 'Receiving note', stocktakeSheet: 'Stocktake sheet', scanToAdd: 'Scan or type a barcode, then Enter', pickGoods: 'or pick goods…', fundingSource: 'Funding source',
  donor: 'Donor / unit', donorPlaceholder: 'Donor or sponsor unit name', unitCost: 'Unit cost (yuan)', amount: 'Amount (yuan)', noteText: 'Note',
  saveNote: 'Save receiving note', noteSaved: 'Receiving note {no} saved', unknownBarcode: 'No goods with barcode {code}; add it under Goods & services first',
  emptyNote: 'Scan or pick goods to add them to the note', recentNotes: 'Recent receiving notes', noteTitle: '{village} points supermarket receiving note', noteNo: 'No.', lines: '{n} lines',
  needDonor: 'Line {n}: a donation or sponsor line needs the donor or unit name', badCost: 'Line {n}: the unit cost is an amount such as 12.50', badQty: 'Line {n}: the quantity is a positive whole number',
  bySourceTitle: 'Subtotals by funding source', receivedBy: 'Received by', noCost: 'not given',

  stocktakeTitle: 'Stocktake', expected: 'Expected', counted: 'Counted', variance: 'Variance', sheetReason: 'Variance reason (for lines without their own)', sheetReasonPlaceholder: 'e.g. month-end count',
  onlyVariance: 'Variances only', fillRest: 'Fill blanks with expected', clearCounts: 'Clear', printBlank: 'Print count sheet (blank)', submitStocktake: 'Submit stocktake',
  countedOf: 'Counted {n} of {all}, {v} with a variance', sheetSaved: 'Stocktake sheet {no} saved: {v} variances', recentSheets: 'Recent stocktake sheets',
  sheetTitle: '{village} points supermarket stocktake sheet', blankSheetTitle: '{village} points supermarket count sheet', noticeTitle: '{village} points supermarket stocktake: public notice',
  publicNotice: 'Public notice', scopeAll: 'Full count', scopePartial: 'Spot check', surplusQty: 'Surplus', shortageQty: 'Shortage', nothingCounted: 'Enter at least one counted quantity',
  noticeIntro: 'On {date} the village points supermarket counted its stock (sheet {no}): {n} items counted, {v} did not match the books:',
  noticeOutro: 'These results are posted for public review. Questions go to the village points working group or the village affairs supervision committee.',
  noticeNoVariance: 'Stock matched the books.', villageCommittee: '{village} Villagers’ Committee',
  needReason: '“{name}” has a variance: enter a reason, or the variance reason below',

  movementsTitle: 'Stock ledger', allGoods: 'All goods', allKinds: 'All kinds', change: 'Change', balance: 'Balance', truncated: 'Showing the latest {n} rows only',
  movementCount: '{n} rows', movedIn: 'in {n}', movedOut: 'out {n}',

  settlementTitle: 'Provider settlement', provider: 'Provider', serviceCount: 'Services', valueYuan: 'Amount (yuan)', rate: 'Value per point', rateUnset: 'not set (points only)',
  rateSave: 'Set', badRate: 'Enter an amount such as 0.10', rateSaved: 'One point is now worth {v} yuan', rateHelp: 'Set by the village: how many yuan one point is worth when settling with providers', byService: 'By service', byMonth: 'By month',
  settlementSheet: '{village} provider settlement', period: 'Period: {from} to {to}', customRange: 'Custom period',

  fundingTitle: 'Funding sources', receivedQty: 'Received', receivedValue: 'Received value', redeemedQty: 'Redeemed', redeemedValue: 'Redeemed value', lostQty: 'Lost',
  lostValue: 'Lost value', onHandQty: 'On hand', onHandValue: 'On-hand value', byDonor: 'Donors and sponsor units', details: 'Details (by goods)',
  fundingSheet: '{village} points supermarket funding report', fifoNote: 'Redeemed goods are attributed to funding sources first in, first out by receipt order, net of voids; on hand is at the end of {to}.',

  providerTitle: 'Log a service', cardPlaceholder: 'Swipe or type card number or name', find: 'Find', householdNotFound: 'Nothing found for “{q}”', pickHousehold: '{n} households found; pick one',
  availableLabel: 'Available points', pickService: 'Pick the service', noServices: 'You have no services to log yet; ask the shopkeeper', pointsFor: 'Points this time ({min}–{max})',
  confirmLog: 'Confirm: {name} {n} pts', logged: 'Logged', receiptNo: 'No. {no}', availableAfter: '{n} points left', next: 'Next',
  myLog: 'My services this month', monthTotal: 'This month: {count} services, {points} points', logout: 'Sign out', changeHousehold: 'Other household', voided: 'Voided', backToMenu: 'Back',
  owedBlocked: 'This household owes {n} points and cannot redeem now',
};

export const stockText: Record<Lang, Text> = { zh, en };

export function useStockText() {
  const { lang } = useI18n();
  const s = useCallback((key: TextKey, vars?: Record<string, string | number>) => format(stockText[lang][key] ?? zh[key], vars), [lang]);
  return { s, lang };
}
