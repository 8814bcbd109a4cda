// The demo village a first-time user sees: enough households, goods and services to try every counter flow.

export const demoUsers = [
  { username: 'admin', name: '村支书 王建国', pin: '123456', roles: ['admin'] },
  { username: 'shop', name: '超市管理员 李芳', pin: '111111', roles: ['shopkeeper'] },
  { username: 'clerk', name: '记分员 陈明', pin: '222222', roles: ['clerk'] },
  { username: 'review', name: '监督员 赵德顺', pin: '333333', roles: ['reviewer'] },
  { username: 'barber', name: '理发师 孙师傅', pin: '444444', roles: ['provider'] },
];

/** The rules of the default table (default-rules.ts) the demo's conduct is scored against, by position. */
export const demoRuleNames = [
  '参加村集体义务劳动（每次）',
  '参加村民大会、村民议事会（每次）',
  '赡养照顾老人，被评为孝亲敬老典型',
  '庭院整洁，卫生检查优秀（每月）',
  '乱堆乱放、乱倒垃圾',
  '违反村规民约',
  '参加志愿服务（每次）',
  '红白喜事简办',
  '大操大办、铺张浪费',
  '参与巡逻、调解纠纷（每次）',
  '党员带头示范',
] as const;

export const demoGoods = [
  { name: '食用油 5L', barcode: '6920000000018', unit: '桶', points: 60, category: '粮油', stock: 40 },
  { name: '大米 10kg', barcode: '6920000000025', unit: '袋', points: 50, category: '粮油', stock: 50 },
  { name: '洗衣粉 1kg', barcode: '6920000000032', unit: '袋', points: 15, category: '日用品', stock: 80 },
  { name: '牙膏', barcode: '6920000000049', unit: '支', points: 8, category: '日用品', stock: 100 },
  { name: '毛巾', barcode: '6920000000056', unit: '条', points: 6, category: '日用品', stock: 100 },
  { name: '洗洁精', barcode: '6920000000063', unit: '瓶', points: 10, category: '日用品', stock: 60 },
  { name: '酱油 500ml', barcode: '6920000000070', unit: '瓶', points: 8, category: '调味品', stock: 60 },
  { name: '卫生纸 10卷', barcode: '6920000000087', unit: '提', points: 20, category: '日用品', stock: 3 },
  { name: '保温杯', barcode: '6920000000094', unit: '个', points: 45, category: '日用品', stock: 0 },
] as const;

export const demoServices = [
  { name: '剪头发', unit: '次', points: 10, provider: 'barber' },
  { name: '管道疏通', unit: '次', points: 30 },
  { name: '空调清洗', unit: '次', points: 50, limit: 2 },
  { name: '缴纳医保', unit: '次', openPrice: true, minPoints: 10, maxPoints: 400 },
] as const;

/** Named households first (a rare-character name proves GB18030 printing), then generated ones. */
export const demoHouseholds: { headName: string; phone: string; group: string; members: string[] }[] = [
  { headName: '张三丰', phone: '13800005678', group: '第一村民小组', members: ['李秀英', '张小明'] },
  { headName: '刘䶮', phone: '13900001234', group: '第一村民小组', members: ['王𠮷'] },
  { headName: '单田芳', phone: '13700002468', group: '第二村民小组', members: [] },
];

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'.split('');
const given = ['建华', '秀兰', '国强', '玉梅', '志刚', '桂英', '德明', '春花', '海涛', '丽娟', '永福', '金凤', '长青', '红霞', '文斌'];

export function generatedHouseholds(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    headName: `${surnames[i % surnames.length]}${given[(i * 7) % given.length]}`,
    phone: `1350000${String(1000 + i).padStart(4, '0')}`,
    group: `第${'一二三四'[i % 4]}村民小组`,
    members: [] as string[],
  }));
}
