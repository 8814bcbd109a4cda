import type { villagerPage } from './queries.js';

type Page = Awaited<ReturnType<typeof villagerPage>>;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const bandText = { top10: '本村前 10%', top25: '本村前 25%', top50: '本村前 50%', rest: '本村后 50%' } as const;

const style = `body{margin:0;font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;background:#f6f7f9;color:#1f1f1f;font-size:20px}
main{max-width:480px;margin:0 auto;padding:16px}h1{font-size:26px;margin:8px 0}p.sub{color:#555;margin:0 0 16px}
.cards{display:grid;grid-template-columns:1fr 1fr 1fr;gap:8px}.card{background:#fff;border-radius:10px;padding:12px 6px;text-align:center;box-shadow:0 1px 3px #0002}
.card b{display:block;font-size:32px}.card span{font-size:17px;color:#555}.band{margin:16px 0;background:#fff7e6;border-radius:10px;padding:12px;font-size:21px}
table{width:100%;border-collapse:collapse;background:#fff;border-radius:10px;overflow:hidden}td{padding:10px 8px;border-bottom:1px solid #eee;font-size:19px}td:first-child{white-space:nowrap}
td.p{text-align:right;font-weight:bold;white-space:nowrap}.plus{color:#c41d1f}.minus{color:#237804}footer{color:#777;font-size:16px;margin:16px 0}`;

/** The villager's phone page: server-rendered, no script, large type, Chinese; read-only. */
export function villagerHtml(p: Page): string {
  const rows = p.lines
    .map(
      (l) =>
        `<tr><td>${esc(l.date.slice(5).replace('-', '月'))}日</td><td>${esc(l.rule)}</td><td class="p ${l.points > 0 ? 'plus' : 'minus'}">${l.points > 0 ? '+' : ''}${l.points}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(p.household)} · 积分查询</title><style>${style}</style></head><body><main>
<h1>${esc(p.household)} 户</h1><p class="sub">${esc(p.village)} · ${p.year} 年积分</p>
<div class="cards"><div class="card" data-k="score"><b>${p.score}</b><span>本年得分</span></div><div class="card" data-k="redeemed"><b>${p.redeemed}</b><span>已兑换</span></div><div class="card" data-k="available"><b>${p.available}</b><span>可用积分</span></div></div>
<div class="band">排名：${p.rankBand ? bandText[p.rankBand] : '暂无'}</div>
<h2 style="font-size:22px">积分明细</h2>
${p.lines.length ? `<table>${rows}</table>` : '<p>本年暂无记分</p>'}
<footer>只读页面。如有疑问请到村积分超市或村委会咨询。</footer></main></body></html>`;
}

export const notFoundHtml = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>二维码已失效</title>
<style>${style}</style></head><body><main><h1>二维码无效或已更换</h1><p>请到村委会领取新的积分卡二维码。</p></main></body></html>`;
