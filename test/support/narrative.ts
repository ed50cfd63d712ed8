/**
 * Narrative of a synthetic report: the preface and the six sections' paragraphs, quoting the numbers of its tables.
 * Paragraphs are long sentences (a short line could read as a heading); sub-headings are numbered （一）….
 */
import { SECTIONS } from '../../src/format/index.ts';
import type { FormatVersionId } from '../../src/format/types.ts';
import type { CellValue, Table2Json, Table3Json, Table4Json } from '../../src/report/types.ts';
import type { Random } from './random.ts';

export interface NarrativeInput {
  agency: string;
  year: number;
  version: FormatVersionId;
  table2: Table2Json;
  table3: Table3Json;
  table4: Table4Json;
}

const num = (v: CellValue | undefined) => (typeof v === 'number' ? v : 0);
const TOTAL = 6;

const MANAGEMENT = [
  '严格落实信息发布“三审三校”制度，确保信息发布内容准确、表述规范，信息发布前均落实保密审查，防止出现错字别字及政治性表述错误等问题。',
  '建立健全政府信息公开属性源头认定机制，公文在起草时即明确公开属性，对依申请公开的信息逐件研判，确保应公开尽公开、不应公开坚决不公开。',
  '及时更新政府信息公开指南和主动公开目录，动态调整公开事项，对失效、废止的规范性文件及时标注并集中清理，保障信息的时效性和准确性。',
];
const PLATFORM = [
  '依托政府门户网站政府信息公开专栏，进一步优化栏目设置，规范栏目内容，同时通过政务新媒体、政务公开栏、电子显示屏等渠道同步发布信息，扩大公开覆盖面。',
  '持续加强政务新媒体管理，建立信息发布审核和值班制度，及时发布政策文件、工作动态和便民服务信息，提升信息发布的及时性和互动性。',
];
const OVERSIGHT = [
  '成立政务公开工作领导小组，明确分管领导和专职人员，将政务公开工作纳入年度目标考核，定期开展自查自纠，对发现的问题及时督促整改到位。',
  '组织开展政务公开业务培训，邀请专业人员授课，提升工作人员的公开意识和业务能力，全年未发生因政府信息公开工作引起的责任追究事项。',
];
const PROBLEMS = [
  '本年度政府信息公开工作虽然取得了一定成效，但仍存在政策解读形式较为单一、部分栏目更新不够及时、依申请公开办理规范化水平有待提高等问题。',
  '对照上级要求和群众期待，主动公开的深度和广度还需拓展，基层政务公开标准化规范化建设有待加强，工作人员业务能力仍需进一步提升。',
];
const PLANS = [
  '下一步将持续加强政策解读和回应关切，丰富图表、音视频等解读形式，及时更新各类栏目内容，进一步规范依申请公开办理流程，提升答复质量。',
  '下一步将加大业务培训力度，健全信息发布协调机制，推进重点领域信息公开，以公开促落实、以公开促规范、以公开促服务，不断提升政务公开工作水平。',
];

function section1(rnd: Random, x: NarrativeInput): string[] {
  const t3 = x.table3;
  const received = num(t3.new_received?.[TOTAL]);
  const over = num(t3.carried_over?.[TOTAL]);
  const processed = num(t3.total_processed?.[TOTAL]);
  const forward = num(t3.carried_forward?.[TOTAL]);
  const published = rnd.int(40, 2000);
  const policy = rnd.int(0, Math.floor(published / 5));
  const decisions = x.version === '2021'
    ? `作出行政许可决定${num(x.table2.licensing as CellValue)}件、行政处罚决定${num(x.table2.punishment as CellValue)}件，均按规定在决定作出后及时公开。`
    : '行政许可、行政处罚等执法信息均按规定在决定作出后及时公开。';
  const applications = received + over === 0
    ? `${x.year}年，${x.agency}未收到政府信息公开申请，也无上年结转的申请，依申请公开渠道保持畅通，受理和答复流程规范有序。`
    : `${x.year}年，${x.agency}共收到政府信息公开申请${received}件，上年结转${over}件，办结${processed}件，结转下年度继续办理${forward}件，均在法定期限内答复。`;
  return [
    `${x.year}年，${x.agency}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》和上级关于政务公开工作的部署要求，持续推进决策、执行、管理、服务、结果公开，政府信息公开工作取得新进展。`,
    '（一）主动公开情况',
    `全年通过政府门户网站、政务新媒体等渠道主动公开政府信息${published}条，其中政策文件${policy}条，${decisions}`,
    '（二）依申请公开情况',
    applications,
    '（三）政府信息管理情况',
    rnd.pick(MANAGEMENT),
    '（四）政府信息公开平台建设情况',
    rnd.pick(PLATFORM),
    '（五）监督保障情况',
    rnd.pick(OVERSIGHT),
  ];
}

function section3(x: NarrativeInput): string[] {
  const row = (id: string) => num(x.table3[id]?.[TOTAL]);
  const sum = (prefix: string) => Object.keys(x.table3).filter((k) => k.startsWith(prefix)).reduce((s, k) => s + row(k), 0);
  const received = row('new_received');
  if (received + row('carried_over') === 0) return [`本年度${x.agency}未收到政府信息公开申请，下表各项均为零。`];
  return [
    `本年度新收政府信息公开申请${received}件，其中自然人申请${num(x.table3.new_received?.[0])}件；办理结果中予以公开${row('granted')}件，部分公开${row('partially_granted')}件，不予公开${sum('denied_')}件，无法提供${sum('unable_')}件，不予处理${sum('not_processed_')}件，其他处理${sum('other_')}件。`,
  ];
}

function section4(x: NarrativeInput): string[] {
  const total = (id: string) => num(x.table4[id]?.total);
  const review = total('review');
  const litigation = total('litigation_direct') + total('litigation_after_review');
  if (review + litigation === 0) return ['本年度未发生因政府信息公开工作被申请行政复议或提起行政诉讼的情况。'];
  return [`本年度因政府信息公开工作被申请行政复议${review}件、被提起行政诉讼${litigation}件，具体情况如下表所示。`];
}

function section6(rnd: Random, x: NarrativeInput): string[] {
  if (x.version === '2019') return ['本年度无其他需要报告的事项。'];
  if (rnd.chance(0.85)) return [`依据《政府信息公开信息处理费管理办法》，本年度${x.agency}未收取信息处理费。`];
  return [`依据《政府信息公开信息处理费管理办法》，本年度共发出收费通知${rnd.int(1, 3)}件，收取信息处理费${rnd.int(1, 30) * 100}元。`];
}

export function narrative(rnd: Random, x: NarrativeInput): { preface: string; sections: { number: string; title: string; text: string }[] } {
  const basis = x.version === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号';
  const preface = `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（${basis}）要求，编制本报告。本报告所列数据的统计期限自${x.year}年1月1日起至${x.year}年12月31日止。`;
  const texts: Record<string, string[]> = {
    一: section1(rnd, x),
    二: [],
    三: section3(x),
    四: section4(x),
    五: [rnd.pick(PROBLEMS), rnd.pick(PLANS)],
    六: section6(rnd, x),
  };
  return { preface, sections: SECTIONS.map((s) => ({ number: s.number, title: s.title, text: texts[s.number].join('\n') })) };
}
