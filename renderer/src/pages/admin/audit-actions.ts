import type { Lang } from '../../i18n/messages';

/**
 * A readable name for every method that writes an audit row: the write methods (the dispatcher
 * audits them) and the few that write their own row (sign-in, prints, backups, pairing, setup).
 * audit-actions.test.ts enumerates them from electron/ and fails when one lacks a name.
 */
export const auditActions = {
  'auth.login': ['登录', 'Sign in'],
  'auth.logout': ['退出登录', 'Sign out'],
  'auth.changePin': ['修改本人 PIN', 'Change own PIN'],
  'households.create': ['新建农户', 'New household'],
  'households.update': ['修改农户', 'Edit household'],
  'households.saveMember': ['保存农户成员', 'Save household member'],
  'households.import': ['导入花名册', 'Import roster'],
  'rules.save': ['保存评分条目', 'Save scoring rule'],
  'points.record': ['录入积分', 'Record points'],
  'points.review': ['审核积分', 'Review points'],
  'points.resubmit': ['重新提交积分', 'Resubmit points'],
  'points.attachPhoto': ['附积分照片', 'Attach photo'],
  'points.reverse': ['冲正积分', 'Reverse points'],
  'catalog.save': ['保存商品或服务', 'Save item'],
  'stock.receive': ['入库', 'Receive stock'],
  'stock.receiveNote': ['入库单', 'Receiving note'],
  'stock.count': ['盘点单项', 'Count one item'],
  'stock.stocktake': ['盘点表', 'Stocktake'],
  'reports.setPointValue': ['设置每分折合金额', 'Set point value'],
  'calendar.set': ['设置兑换日', 'Set redemption days'],
  'redemptions.create': ['兑换', 'Redeem'],
  'redemptions.void': ['作废兑换单', 'Void receipt'],
  'services.log': ['记录服务', 'Log service'],
  'office.settings.set': ['村务设置', 'Village settings'],
  'printer.configure': ['配置打印机', 'Set up printer'],
  'printer.test': ['打印测试页', 'Print test page'],
  'receipts.print': ['打印兑换凭证', 'Print receipt'],
  'receipts.printVoid': ['打印作废单', 'Print void slip'],
  'users.create': ['新建用户', 'New user'],
  'users.update': ['修改用户', 'Edit user'],
  'users.resetPin': ['重置 PIN', 'Reset PIN'],
  'backup.now': ['手动备份', 'Back up now'],
  'backup.restore': ['恢复备份', 'Restore backup'],
  'backup.configure': ['设置备份保留份数', 'Set backups kept'],
  'boards.publish': ['发布红黑榜', 'Publish boards'],
  'boards.withdraw': ['撤榜', 'Withdraw boards'],
  'boards.configure': ['设置红黑榜口径', 'Set board basis'],
  'awards.decide': ['评优', 'Award decision'],
  'bulk.bundle.set': ['设置集中兑换套餐', 'Set bulk bundle'],
  'bulk.printDaySummary': ['打印集中兑换日汇总', 'Print bulk-day summary'],
  'day.close': ['日结', 'Day close'],
  'day.printClose': ['打印日结单', 'Print day close'],
  'app.installUpdate': ['安装更新', 'Install update'],
  'setup.complete': ['首次设置', 'First-run setup'],
  'machine.setRole': ['设置本机用途', "Set this PC's role"],
  'machine.setLan': ['设置局域网访问', 'Set LAN access'],
  'sync.pair': ['与村委会配对', 'Pair with office'],
  'sync.unpair': ['解除配对', 'Unpair'],
  'sync.setOffice': ['修改村委会地址', 'Set office address'],
  'sync.pairingCode': ['生成配对码', 'Make pairing code'],
  'sync.revoke': ['停用终端', 'Revoke terminal'],
  'sync.resolveConflict': ['处理同步冲突', 'Resolve sync conflict'],
  'county.pair': ['与县里配对', 'Pair with county'],
  'county.qrToken': ['生成查分二维码', 'Make points QR code'],
  'county.qrTokens': ['打印积分卡', 'Print points cards'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;

export type AuditAction = keyof typeof auditActions;

/** The action's name in the language; a method this build does not know shows as recorded. */
export function actionName(method: string, lang: Lang): string {
  const names = (auditActions as Record<string, readonly [string, string]>)[method];
  return names ? names[lang === 'zh' ? 0 : 1] : method;
}

/** The actions as filter choices, in the language. */
export const actionOptions = (lang: Lang) => (Object.keys(auditActions) as AuditAction[]).map((m) => ({ value: m, label: actionName(m, lang) }));
