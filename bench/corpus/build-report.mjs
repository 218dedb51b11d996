// One synthetic annual report as an abstract outline (headings with depth, paragraphs, tables) plus the list of
// defects planted in it. Rendering to txt/md/html is separate (render.mjs) so every format carries the same report.
import { DEPARTMENTS, PLACE_HEADS, PLACE_TAILS, PLACEHOLDERS } from './vocab.mjs';
import { activeTable2019, activeTable2021, requestsTable, reviewTable, summaryTable2008 } from './tables.mjs';
import { disclosureSentence, formatDate, paragraph, percentSentence, problemsParagraphs, opener } from './prose.mjs';

export const DEFECTS = [
  'missing-section', 'section-order', 'heading-skip', 'empty-section', 'year-mismatch', 'table-arithmetic',
  'row-total', 'review-total', 'prose-table', 'placeholder', 'percent', 'sum', 'fee-missing', 'late', 'old-format',
  'not-annual',
];

function agencyFor(rng) {
  const place = rng.pick(PLACE_HEADS) + rng.pick(PLACE_TAILS);
  const level = rng.weighted([['department', 78], ['government', 16], ['township', 6]]);
  const suffix = rng.weighted([['市', 5], ['县', 3], ['区', 3]]);
  const city = place + suffix;
  if (level === 'government') return { level, place: city, name: `${city}人民政府`, short: `${city}人民政府`, self: '市' === suffix ? '市' : suffix };
  if (level === 'township') {
    const town = rng.pick(PLACE_HEADS) + rng.pick(PLACE_TAILS);
    const street = rng.chance(0.4);
    const name = street ? `${city}${town}街道办事处` : `${city}${town}镇人民政府`;
    return { level, place: town, name, short: street ? `${town}街道` : `${town}镇`, self: street ? '街道' : '镇' };
  }
  const dept = rng.pick(DEPARTMENTS);
  const self = dept.endsWith('委员会') ? '委' : '局';
  return { level, place: city, name: city + dept, short: `${suffix}${dept.replace(/委员会$/, '委')}`, self };
}

function regimeFor(year) {
  if (year <= 2018) return '2008';
  if (year <= 2020) return '2019';
  return '2021';
}

const h = (depth, text, extra = {}) => ({ t: 'h', depth, text, ...extra });
const p = (text) => ({ t: 'p', text });

/** Sub-sections of 一、总体情况 under the 2019+ formats. */
const OVERVIEW_PARTS = ['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障'];

function sectionsModern(rng, ctx, tables, defects) {
  const t3 = tables.requests.totals;
  const newN = defects.has('prose-table') ? t3.fresh + rng.pick([-3, -1, 2, 5]) : t3.fresh;
  const overview = [p(opener(rng, ctx))];
  for (const part of OVERVIEW_PARTS) {
    const inline = rng.chance(0.25);
    const body = [];
    if (part === '主动公开') body.push(disclosureSentence(rng, ctx, { wrongSum: defects.has('sum') }));
    if (part === '依申请公开') {
      body.push(`全年新收政府信息公开申请${newN}件，${percentSentence(rng, t3.natural, t3.fresh, { wrong: defects.has('percent') })}`);
      body.push(`加上上年结转的${t3.carried}件，本年度共办结${t3.done}件，结转下年度继续办理${t3.out}件。`);
    }
    body.push(paragraph(rng, ctx, rng.int(1, 3)));
    if (inline) overview.push(h(2, part, { inline: true, rest: body.join('') }));
    else overview.push(h(2, part), ...body.map(p));
  }
  const review = tables.review;
  const other = [p(`（一）信息处理费收取情况。本年度依据《政府信息公开信息处理费管理办法》，${rng.chance(0.85) ? '未收取信息处理费' : `收取信息处理费共计${rng.int(1, 9) * 100}元`}。`)];
  if (defects.has('fee-missing')) other.length = 0;
  other.push(p(`（${other.length ? '二' : '一'}）人大代表建议和政协提案办理情况。本年度共承办建议${rng.int(0, 30)}件、提案${rng.int(0, 30)}件，均已按期办结。`));
  return [
    { key: 'overview', title: '总体情况', blocks: overview },
    { key: 'active', title: '主动公开政府信息情况', blocks: [tables.active] },
    { key: 'requests', title: '收到和处理政府信息公开申请情况', blocks: [tables.requests] },
    {
      key: 'review',
      title: rng.pick(['政府信息公开行政复议、行政诉讼情况', '因政府信息公开工作被申请行政复议和提起行政诉讼情况', '政府信息公开行政复议、行政诉讼情况']),
      blocks: [...(review.reviews && rng.chance(0.5) ? [p(`本年度因政府信息公开工作被申请行政复议${review.reviews}件。`)] : []), review],
    },
    { key: 'problems', title: rng.pick(['存在的主要问题及改进情况', '政府信息公开工作存在的主要问题及改进情况', '存在的主要问题及改进情况']), blocks: problemsParagraphs(rng, ctx).map(p) },
    { key: 'other', title: '其他需要报告的事项', blocks: other },
  ];
}

function sections2008(rng, ctx, defects) {
  const stats = { disclosed: rng.int(50, 3000), requests: rng.int(0, 60), reviews: rng.chance(0.8) ? 0 : rng.int(1, 3) };
  const requests = defects.has('prose-table') ? stats.requests + 3 : stats.requests;
  const withTable = rng.chance(0.3);
  const feeText = rng.chance(0.8) ? '本年度未收取任何政府信息公开费用，也未发生减免情况。' : '本年度依申请提供政府信息均未收费。';
  const list = [
    { key: 'overview', title: rng.pick(['概述', '总体情况', '基本情况', '政府信息公开工作概述']), blocks: [p(opener(rng, ctx)), p(paragraph(rng, ctx, rng.int(2, 4)))] },
    {
      key: 'active',
      title: '主动公开政府信息情况',
      blocks: [p(`全年主动公开政府信息${stats.disclosed}条。`), p(disclosureSentence(rng, ctx, { wrongSum: defects.has('sum') })), ...(withTable ? [summaryTable2008(rng, stats)] : [])],
    },
    { key: 'requests', title: rng.pick(['依申请公开政府信息情况', '依申请公开政府信息和不予公开政府信息的情况']), blocks: [p(`本年度共收到政府信息公开申请${requests}件，均在法定期限内予以答复。`)] },
    { key: 'fees', title: '政府信息公开的收费及减免情况', blocks: defects.has('fee-missing') ? [p('无。')] : [p(feeText)] },
    { key: 'review', title: rng.pick(['因政府信息公开申请行政复议、提起行政诉讼的情况', '行政复议和行政诉讼情况']), blocks: [p(stats.reviews ? `本年度发生政府信息公开行政复议${stats.reviews}件。` : '本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况。')] },
    { key: 'problems', title: '政府信息公开工作存在的主要问题及改进情况', blocks: problemsParagraphs(rng, ctx).map(p) },
  ];
  if (rng.chance(0.6)) list.push({ key: 'other', title: '其他需要报告的事项', blocks: [p(rng.chance(0.5) ? '无。' : paragraph(rng, ctx, 1))] });
  // Real 2008-era reports vary the order of the middle items; that is not a defect.
  if (rng.chance(0.2)) [list[3], list[4]] = [list[4], list[3]];
  return list;
}

/** Grows the report to about `targetBytes` by adding work paragraphs, with deeper numbered sub-items when long. */
function pad(rng, ctx, sections, targetBytes, deep) {
  const host = sections.find((s) => s.key === 'overview') ?? sections[0];
  let bytes = estimate(sections);
  let item = 0;
  while (bytes < targetBytes) {
    let add;
    if (deep && rng.chance(0.35)) {
      item++;
      const kids = [];
      for (let k = 0, m = rng.int(1, 4); k < m; k++) kids.push(h(4, rng.pick(['压实责任', '规范流程', '强化审查', '拓展渠道', '加强培训', '完善台账']), { inline: true, rest: paragraph(rng, ctx, rng.int(1, 3)) }));
      add = [h(3, rng.pick(['健全工作机制', '深化重点领域公开', '加强政策解读', '回应社会关切', '提升平台效能', '推进基层公开']) + (item > 6 ? `（续${item}）` : '')), ...kids];
    } else add = [p(paragraph(rng, ctx, rng.int(2, 6)))];
    host.blocks.push(...add);
    bytes += add.reduce((n, b) => n + 3 * ((b.text?.length ?? 0) + (b.rest?.length ?? 0)) + 4, 0);
  }
}

function estimate(sections) {
  let n = 0;
  for (const s of sections) {
    n += 3 * s.title.length + 8;
    for (const b of s.blocks) n += b.rows ? b.rows.length * 240 : 3 * ((b.text?.length ?? 0) + (b.rest?.length ?? 0)) + 4;
  }
  return n;
}

function pickDefects(rng, regime) {
  const set = new Set();
  if (!rng.chance(0.35)) return set;
  const pool = DEFECTS.filter((d) => regime !== '2008' || !['table-arithmetic', 'row-total', 'review-total', 'percent', 'old-format'].includes(d));
  for (let i = 0, n = rng.chance(0.3) ? 2 : 1; i < n; i++) set.add(rng.pick(pool));
  return set;
}

export function buildReport(rng, index) {
  const year = rng.int(2010, 2025);
  const regime = regimeFor(year);
  const agency = agencyFor(rng);
  const defects = pickDefects(rng, regime);
  const ctx = { year, agency: agency.name, short: agency.short, self: agency.self, place: agency.place };

  const tables = {};
  if (regime !== '2008') {
    const scale = agency.level === 'government' ? 4 : 1;
    const tableDefect = ['table-arithmetic', 'row-total'].find((d) => defects.has(d));
    tables.active = regime === '2021' && !defects.has('old-format') ? activeTable2021(rng) : activeTable2019(rng);
    tables.requests = requestsTable(rng, regime, { scale, defect: tableDefect });
    tables.review = reviewTable(rng, { defect: defects.has('review-total') ? 'review-total' : undefined });
  }
  let sections = regime === '2008' ? sections2008(rng, ctx, defects) : sectionsModern(rng, ctx, tables, defects);

  const target = rng.chance(0.85) ? rng.logUniform(2_000, 30_000) : rng.logUniform(30_000, 200_000);
  pad(rng, ctx, sections, target, target > 25_000);

  if (defects.has('missing-section')) sections.splice(rng.int(1, sections.length - 1), 1);
  if (defects.has('section-order')) {
    const i = rng.int(1, sections.length - 2);
    [sections[i], sections[i + 1]] = [sections[i + 1], sections[i]];
  }
  if (defects.has('empty-section')) sections[rng.int(1, sections.length - 1)].blocks = [];
  if (defects.has('placeholder')) {
    const s = rng.pick(sections.filter((x) => x.blocks.some((b) => b.t === 'p')));
    const para = s ? s.blocks.find((b) => b.t === 'p') : undefined;
    if (para) para.text = para.text.replace(/\d+/, rng.pick(PLACEHOLDERS));
  }

  const titleYear = year;
  const periodYear = defects.has('year-mismatch') ? year - 1 : year;
  const docKind = defects.has('not-annual') ? rng.pick(['政务公开工作总结', '政务公开工作要点', '信息公开工作情况汇报']) : '政府信息公开工作年度报告';
  const title = `${agency.name}${titleYear}年${docKind}`;

  const preamble = [];
  if (regime === '2008') {
    preamble.push(`根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，特向社会公布${year}年度${agency.name}政府信息公开工作年度报告。本报告中所列数据的统计期限自${periodYear}年1月1日起至${periodYear}年12月31日止。`);
  } else {
    preamble.push(
      `本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。本报告所列数据的统计期限为${periodYear}年1月1日至${periodYear}年12月31日。`,
    );
  }
  if (rng.chance(0.6)) preamble.push(`本报告电子版可在${agency.name}门户网站“政府信息公开”专栏查阅和下载。如对本报告有疑问，请与${agency.short}办公室联系（电话：0${rng.int(100, 999)}-${rng.int(1000000, 9999999)}）。`);

  // Deadlines: departments by 31 Jan, governments by 31 Mar (2019 regime); 31 Mar for everyone before that.
  const late = defects.has('late');
  const pubYear = year + 1;
  let month;
  let day;
  if (late) {
    month = rng.int(4, 7);
    day = rng.int(1, 28);
  } else if (regime === '2008' || agency.level !== 'department') {
    month = rng.int(1, 3);
    day = rng.int(5, 28);
  } else {
    month = 1;
    day = rng.int(8, 28);
  }
  const signature = [agency.name, formatDate(rng, pubYear, month, day)];

  // Number the top-level sections now, after any reordering; the skip defect jumps one ordinal.
  let ord = 0;
  const skipAt = defects.has('heading-skip') ? rng.int(2, sections.length - 1) : -1;
  sections.forEach((s, i) => {
    ord += i === skipAt ? 2 : 1;
    s.ordinal = ord;
  });

  return {
    index,
    year,
    regime,
    level: agency.level,
    agency: agency.name,
    title,
    defects: [...defects].sort(),
    preamble,
    sections,
    signature,
    published: `${pubYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    targetBytes: target,
  };
}
