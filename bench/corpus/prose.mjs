// Sentence and paragraph makers. Each returns plain text with full-width punctuation; numbers are drawn so the
// sums and percentages stated in a sentence are right unless a defect asks otherwise.
import { CARRIERS, CHANNELS, COLUMNS, FOCUS, IMPROVEMENTS, PROBLEMS, WORK_ITEMS } from './vocab.mjs';

const CN_DIGITS = '〇一二三四五六七八九';

export function chineseOrdinal(n) {
  if (n <= 10) return n === 10 ? '十' : CN_DIGITS[n];
  if (n < 20) return `十${CN_DIGITS[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/** 2025 → 二〇二五 */
export function chineseYear(y) {
  return String(y).split('').map((d) => CN_DIGITS[Number(d)]).join('');
}

export function formatDate(rng, y, m, d) {
  if (rng.chance(0.2)) return `${chineseYear(y)}年${chineseOrdinal(m)}月${chineseOrdinal(d)}日`;
  if (rng.chance(0.1)) return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return `${y}年${m}月${d}日`;
}

/** Splits total into k non-negative parts. */
export function split(rng, total, k) {
  const cuts = [];
  for (let i = 0; i < k - 1; i++) cuts.push(rng.int(0, total));
  cuts.sort((a, b) => a - b);
  const parts = [];
  let prev = 0;
  for (const c of cuts) {
    parts.push(c - prev);
    prev = c;
  }
  parts.push(total - prev);
  return parts;
}

function approx(rng, n) {
  if (n < 30 || !rng.chance(0.25)) return `${n}`;
  const round = n >= 1000 ? Math.floor(n / 100) * 100 : Math.floor(n / 10) * 10;
  return `${round}${rng.pick(['余', '多'])}`;
}

/** "主动公开信息356条，其中政策文件42条、…": parts add up unless `wrongSum`. */
export function disclosureSentence(rng, ctx, { wrongSum = false } = {}) {
  const cols = rng.shuffle(COLUMNS).slice(0, rng.int(2, 5));
  const parts = cols.map(() => rng.int(5, 400));
  let total = parts.reduce((a, b) => a + b, 0);
  if (wrongSum) total += rng.pick([-1, 1]) * rng.int(3, 40);
  const where = rng.pick(['门户网站', `${ctx.short}门户网站`, '政府信息公开专栏', '政务公开平台']);
  const list = cols.map((c, i) => `${c}${parts[i]}条`).join('、');
  return `${ctx.year}年，通过${where}主动公开政府信息${total}条，其中${list}。`;
}

export function percentSentence(rng, natural, total, { wrong = false } = {}) {
  let pct = total ? (natural / total) * 100 : 0;
  if (wrong) pct = Math.min(99.9, pct + rng.int(5, 20) + 0.3);
  return `其中自然人申请${natural}件，占${pct.toFixed(1)}%；法人或其他组织申请${total - natural}件。`;
}

const OPENERS = [
  (r, c) => `${c.year}年，${c.agency}坚持以公开为常态、不公开为例外，围绕${r.pick(FOCUS)}和${r.pick(FOCUS)}，把政务公开融入业务工作全过程。`,
  (r, c) => `一年来，${c.short}认真贯彻落实《中华人民共和国政府信息公开条例》，以${r.pick(FOCUS)}为抓手，持续提升公开质量。`,
  (r, c) => `本年度，我${c.self}在上级主管部门指导下，聚焦${r.pick(FOCUS)}，推动政务公开工作规范运行。`,
  (r, c) => `${c.year}年，${c.short}把政府信息公开作为转变作风、提升效能的重要抓手，各项工作平稳有序推进。`,
];

const BODY = [
  (r, c) => `全年组织${r.pick(['政务公开', '保密审查', '依申请公开办理', '网站运维'])}业务培训${r.int(1, 9)}次，参训${r.int(20, 400)}人次。`,
  (r, c) => `对拟公开的${r.pick(['文件', '政府信息', '政策文件', '会议纪要'])}开展公开属性审查${r.int(30, 900)}件，经审查不予公开${r.int(0, 12)}件。`,
  (r, c) => `在“${r.pick(COLUMNS)}”栏目发布${r.pick(CARRIERS)}${r.int(1, 40)}篇，解读率达到${r.int(80, 100)}%。`,
  (r, c) => `依托${r.pick(CHANNELS)}和${r.pick(CHANNELS)}，同步发布${r.pick(FOCUS)}相关信息${approx(r, r.int(10, 900))}条。`,
  (r, c) => `${r.pick(WORK_ITEMS)}，进一步明确了${r.pick(['各科室', '各处室', '各股室', '下属单位'])}的公开职责。`,
  (r, c) => `一是${r.pick(WORK_ITEMS)}；二是${r.pick(WORK_ITEMS)}；三是${r.pick(WORK_ITEMS)}。`,
  (r, c) => `政务新媒体账号“${c.place}${r.pick(['发布', '政务', '在线', '之声'])}”全年推送信息${r.int(50, 2000)}条，阅读量${r.int(2, 90)}万人次。`,
  (r, c) => `召开新闻发布会${r.int(1, 12)}场，由${r.pick(['主要负责同志', '分管负责同志', '新闻发言人'])}出席发布并回答记者提问。`,
  (r, c) => `对网站${r.int(3, 40)}个栏目开展集中排查，整改错链断链${r.int(1, 60)}处、更新不及时栏目${r.int(1, 9)}个。`,
  (r, c) => `办理人大代表建议${r.int(1, 40)}件、政协委员提案${r.int(1, 40)}件，办复率100%，答复全文依法公开。`,
  (r, c) => `严格执行“先审查、后公开”和“一事一审”制度，全年未发生泄密事件。`,
  (r, c) => `按照“谁制定、谁解读”的原则，重要政策文件与解读材料同步起草、同步审签、同步发布。`,
  (r, c) => `在${r.pick(CHANNELS)}设置政府信息公开查阅点${r.int(1, 6)}个，配备专门人员为群众提供查询服务。`,
  (r, c) => `及时回应${r.pick(FOCUS)}等方面的社会关切，在线答复网民咨询${r.int(10, 3000)}件，平均答复时间${r.int(1, 5)}个工作日。`,
  (r, c) => `将政务公开工作纳入年度绩效考核，分值占比${r.int(2, 8)}%，考核结果与评先评优挂钩。`,
  (r, c) => `公开${r.pick(['行政许可', '行政处罚', '行政强制', '行政检查'])}决定${r.int(1, 500)}件，均在作出决定之日起${r.int(3, 7)}个工作日内上网公示。`,
  (r, c) => `完成${c.year - 1}年度部门决算和${c.year}年度部门预算公开，公开时间、内容和格式均符合要求。`,
  (r, c) => `开展“政府开放日”活动${r.int(1, 6)}次，邀请${r.pick(['市民代表', '企业代表', '人大代表和政协委员', '媒体记者'])}${r.int(10, 120)}人次参与。`,
];

const CLOSERS = [
  (r) => `下一步，将继续${r.pick(IMPROVEMENTS)}。`,
  (r) => `通过以上措施，公开工作的规范化水平进一步提升。`,
  (r) => `相关工作已形成台账，按季度跟踪落实。`,
];

export function paragraph(rng, ctx, sentences) {
  const out = [];
  if (rng.chance(0.3)) out.push(rng.pick(OPENERS)(rng, ctx));
  for (let i = 0; i < sentences; i++) out.push(rng.pick(BODY)(rng, ctx));
  if (rng.chance(0.2)) out.push(rng.pick(CLOSERS)(rng, ctx));
  return out.join('');
}

export function opener(rng, ctx) {
  return rng.pick(OPENERS)(rng, ctx);
}

export function problemsParagraphs(rng, ctx) {
  const probs = rng.shuffle(PROBLEMS).slice(0, rng.int(2, 4));
  const fixes = rng.shuffle(IMPROVEMENTS).slice(0, probs.length);
  const ord = ['一', '二', '三', '四'];
  return [
    `${ctx.year}年，我${ctx.self}政府信息公开工作取得一定成效，但仍存在一些不足：${probs.map((p, i) => `${ord[i]}是${p}`).join('；')}。`,
    `${ctx.year + 1}年，我${ctx.self}将重点做好以下工作：${fixes.map((p, i) => `${ord[i]}是${p}`).join('；')}。`,
  ];
}
