/** The six required sections; titles vary in the wild, so each is recognised by keywords. */
import type { SectionDef } from './types.ts';

export const SECTIONS: SectionDef[] = [
  { number: '一', title: '总体情况', keywords: ['总体情况', '总体概述', '概述'] },
  { number: '二', title: '主动公开政府信息情况', keywords: ['主动公开'], table: 'table2' },
  { number: '三', title: '收到和处理政府信息公开申请情况', keywords: ['收到和处理', '公开申请', '依申请'], table: 'table3' },
  { number: '四', title: '政府信息公开行政复议、行政诉讼情况', keywords: ['行政复议', '行政诉讼'], table: 'table4' },
  { number: '五', title: '存在的主要问题及改进情况', keywords: ['问题', '改进'] },
  { number: '六', title: '其他需要报告的事项', keywords: ['其他需要报告', '其他事项', '需要报告'] },
];
