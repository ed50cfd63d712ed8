/** Random but plausible agency names: a region (city, often a district or county in it) and a department. */
import type { Random } from './random.ts';

// Syllables of place names; numerals are left out so that no name can read as a section number.
const SYLLABLES = [
  '平', '罗', '惠', '农', '老', '城', '石', '嘴', '山', '清', '河', '东', '西', '南', '北', '安', '宁', '永', '兴', '长',
  '乐', '华', '阳', '丰', '泰', '和', '新', '昌', '武', '江', '临', '海', '云', '龙', '明', '德', '广', '金', '川', '宜',
  '沙', '湖', '桂', '林', '嘉', '禾', '柳', '溪', '庆', '源', '州', '塘', '陵', '峰',
];

const DEPARTMENTS = [
  '卫生健康局', '卫生健康委员会', '教育局', '教育体育局', '市场监督管理局', '人力资源和社会保障局', '自然资源局',
  '生态环境局', '住房和城乡建设局', '交通运输局', '农业农村局', '水务局', '民政局', '司法局', '财政局', '应急管理局',
  '文化和旅游局', '医疗保障局', '退役军人事务局', '统计局', '审计局', '商务局', '林业和草原局', '城市管理局',
  '发展和改革委员会', '科学技术局', '公安局', '税务局', '人民政府办公室', '行政审批服务局',
];

/** Two different syllables ("平罗", never "罗罗"). */
function place(rnd: Random): string {
  const first = rnd.pick(SYLLABLES);
  let second = rnd.pick(SYLLABLES);
  while (second === first) second = rnd.pick(SYLLABLES);
  return first + second;
}

export function agencyName(rnd: Random): string {
  const city = `${place(rnd)}市`;
  const county = rnd.chance(0.7) ? `${place(rnd)}${rnd.pick(['区', '县', '县', '区'])}` : '';
  const kind = rnd.float();
  if (county && kind < 0.08) return `${city}${county}人民政府`;
  if (county && kind < 0.14) return `${city}${county}${place(rnd)}街道办事处`;
  if (county && kind < 0.2) return `${city}${county}${place(rnd)}镇人民政府`;
  return `${city}${county}${rnd.pick(DEPARTMENTS)}`;
}
