import type { DB } from '../../../../db/connection.js';
import { stmt } from '../../statements.js';
import { saveRule, type RuleInput } from './rules.js';

/**
 * The reference scoring table (评分条例参考表) every new village starts from, in the eight categories
 * of the county plans. Points are magnitudes; the kind gives the sign. A cap is per household per
 * calendar year, so a deed repeated monthly or per event cannot run away with the board. A village
 * edits, adds to or deactivates these; entries already recorded keep the name and points they had.
 */
export const defaultRules: readonly Omit<RuleInput, 'id'>[] = [
  { category: '乡风文明', name: '参加村集体义务劳动（每次）', kind: 'award', points: 5, capPerYear: 60 },
  { category: '乡风文明', name: '参加村民大会、村民议事会（每次）', kind: 'award', points: 2, capPerYear: 24 },
  { category: '乡风文明', name: '见义勇为、拾金不昧（经核实）', kind: 'award', minPoints: 10, maxPoints: 50 },
  { category: '乡风文明', name: '获县级以上文明家庭、道德模范等荣誉', kind: 'award', minPoints: 20, maxPoints: 100 },
  { category: '乡风文明', name: '辱骂殴打他人、无理取闹', kind: 'deduction', minPoints: 5, maxPoints: 20 },

  { category: '孝老爱亲', name: '赡养照顾老人，被评为孝亲敬老典型', kind: 'award', minPoints: 5, maxPoints: 20, capPerYear: 40 },
  { category: '孝老爱亲', name: '夫妻和睦、邻里团结（年度评议）', kind: 'award', points: 5, capPerYear: 5 },
  { category: '孝老爱亲', name: '关爱留守儿童、残疾人等困难群众', kind: 'award', points: 5, capPerYear: 20 },
  { category: '孝老爱亲', name: '不履行赡养、抚养义务', kind: 'deduction', minPoints: 10, maxPoints: 30 },

  { category: '环境卫生', name: '庭院整洁，卫生检查优秀（每月）', kind: 'award', points: 3, capPerYear: 36 },
  { category: '环境卫生', name: '门前三包落实到位（每季度）', kind: 'award', points: 2, capPerYear: 8 },
  { category: '环境卫生', name: '垃圾分类投放规范（每月）', kind: 'award', points: 2, capPerYear: 24 },
  { category: '环境卫生', name: '乱堆乱放、乱倒垃圾', kind: 'deduction', points: 5 },
  { category: '环境卫生', name: '乱搭乱建、侵占公共场地', kind: 'deduction', minPoints: 5, maxPoints: 20 },
  { category: '环境卫生', name: '焚烧秸秆、垃圾', kind: 'deduction', points: 10 },

  { category: '遵纪守法', name: '全年无违法违纪记录（年度评议）', kind: 'award', points: 10, capPerYear: 10 },
  { category: '遵纪守法', name: '按时参加医保、养老保险', kind: 'award', points: 3, capPerYear: 3 },
  { category: '遵纪守法', name: '违反村规民约', kind: 'deduction', minPoints: 5, maxPoints: 30 },
  { category: '遵纪守法', name: '参与赌博、封建迷信活动', kind: 'deduction', points: 20 },
  { category: '遵纪守法', name: '受到治安管理处罚', kind: 'deduction', points: 30 },

  { category: '志愿服务', name: '参加志愿服务（每次）', kind: 'award', points: 3, capPerYear: 60 },
  { category: '志愿服务', name: '参加防汛、防疫等应急服务（每次）', kind: 'award', points: 5, capPerYear: 50 },
  { category: '志愿服务', name: '为村集体建设出工、捐资捐物', kind: 'award', minPoints: 2, maxPoints: 20 },

  { category: '移风易俗', name: '红白喜事简办', kind: 'award', points: 10, capPerYear: 20 },
  { category: '移风易俗', name: '婚事新办、不要高价彩礼', kind: 'award', points: 10, capPerYear: 10 },
  { category: '移风易俗', name: '大操大办、铺张浪费', kind: 'deduction', points: 10 },
  { category: '移风易俗', name: '索要高价彩礼、薄养厚葬', kind: 'deduction', points: 20 },

  { category: '平安建设', name: '参与巡逻、调解纠纷（每次）', kind: 'award', points: 5, capPerYear: 40 },
  { category: '平安建设', name: '提供违法犯罪线索经查属实', kind: 'award', minPoints: 5, maxPoints: 20 },
  { category: '平安建设', name: '安全隐患经告知拒不整改', kind: 'deduction', points: 5 },
  { category: '平安建设', name: '参与非法集资、传销', kind: 'deduction', points: 20 },

  { category: '党员先锋', name: '党员带头示范', kind: 'award', minPoints: 2, maxPoints: 10 },
  { category: '党员先锋', name: '按时参加组织生活、缴纳党费（每月）', kind: 'award', points: 2, capPerYear: 24 },
  { category: '党员先锋', name: '党员联系帮扶困难户（每季度）', kind: 'award', points: 5, capPerYear: 20 },
  { category: '党员先锋', name: '党员无故不参加组织生活', kind: 'deduction', points: 5 },
];

/** A new village's database starts with the reference table; one that has any rule keeps its own. */
export function installDefaultRules(db: DB): number {
  if (stmt(db, 'SELECT 1 FROM rules LIMIT 1').get()) return 0;
  db.transaction(() => {
    for (const r of defaultRules) saveRule(db, { ...r });
  })();
  return defaultRules.length;
}
