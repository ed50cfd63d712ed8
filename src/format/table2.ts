/** Table 二 主动公开政府信息情况: entirely different in the 2021 and 2019 templates. */
import type { ColumnDef, RowDef, TableDef, TableWording } from './types.ts';

const WORDING: TableWording = { name: '表二', row: '行', column: '列', unit: '行' };

const scalar = (id: string, label: string, clause: string, column: ColumnDef, variants?: string[]): RowDef => ({
  id, label, clause, variants, columns: [column], shape: 'scalar',
});
const object = (id: string, label: string, clause: string, columns: ColumnDef[], variants?: string[]): RowDef => ({
  id, label, clause, variants, columns, shape: 'object',
});

const ITEM_1 = '第二十条第（一）项';
const ITEM_5 = '第二十条第（五）项';
const ITEM_6 = '第二十条第（六）项';
const ITEM_8 = '第二十条第（八）项';
const ITEM_9 = '第二十条第（九）项';
const CONTENT = '信息内容';
/** Mirror sites that convert to Taiwan phrasing write 文件 as 檔案 (档案 once simplified). */
const TAIWAN_PHRASED_DOCS = ['规范性档案', '行政规范性档案'];

const DOCS_2021: ColumnDef[] = [
  { id: 'issued', label: '本年制发件数' },
  { id: 'repealed', label: '本年废止件数' },
  { id: 'in_force', label: '现行有效件数' },
];
const DECISIONS_2021: ColumnDef = { id: 'value', label: '本年处理决定数量' };
const FEES_2021: ColumnDef = { id: 'value', label: '本年收费金额（单位：万元）', kind: 'money' };

export const TABLE2_2021: TableDef = {
  id: 'table2',
  version: '2021',
  wording: WORDING,
  section: '二',
  title: '主动公开政府信息情况',
  rows: [
    object('regulations', '规章', ITEM_1, DOCS_2021),
    object('normative_docs', '行政规范性文件', ITEM_1, DOCS_2021, ['规范性文件', ...TAIWAN_PHRASED_DOCS]),
    scalar('licensing', '行政许可', ITEM_5, DECISIONS_2021),
    scalar('punishment', '行政处罚', ITEM_6, DECISIONS_2021),
    scalar('coercion', '行政强制', ITEM_6, DECISIONS_2021),
    scalar('fees_wan_yuan', '行政事业性收费', ITEM_8, FEES_2021),
  ],
  headers: [ITEM_1, ITEM_5, ITEM_6, ITEM_8, CONTENT, ...DOCS_2021.map((c) => c.label), DECISIONS_2021.label,
    FEES_2021.label, '本年收费金额', '本年收费金额（万元）'],
  signature: [...DOCS_2021.map((c) => c.label), DECISIONS_2021.label, '本年收费金额'],
  identities: [],
};

const DOCS_2019: ColumnDef[] = [
  { id: 'new_made', label: '本年新制作数量' },
  { id: 'new_published', label: '本年新公开数量' },
  { id: 'total_published', label: '对外公开总数量' },
];
const ITEMS_2019: ColumnDef[] = [
  { id: 'prev_year_items', label: '上一年项目数量' },
  { id: 'change', label: '本年增/减', kind: 'change' },
  { id: 'decisions', label: '处理决定数量' },
];
const PROCUREMENT_2019: ColumnDef[] = [
  { id: 'items', label: '采购项目数量' },
  { id: 'total_amount', label: '采购总金额', kind: 'money' },
];

export const TABLE2_2019: TableDef = {
  id: 'table2',
  version: '2019',
  wording: WORDING,
  section: '二',
  title: '主动公开政府信息情况',
  rows: [
    object('regulations', '规章', ITEM_1, DOCS_2019),
    object('normative_docs', '规范性文件', ITEM_1, DOCS_2019, ['行政规范性文件', ...TAIWAN_PHRASED_DOCS]),
    { ...object('other_active_docs', '其他主动公开文件', ITEM_1, DOCS_2019, ['其他主动公开档案']), optional: true },
    object('licensing', '行政许可', ITEM_5, ITEMS_2019),
    object('other_admin_services', '其他对外管理服务事项', ITEM_5, ITEMS_2019),
    object('punishment', '行政处罚', ITEM_6, ITEMS_2019),
    object('coercion', '行政强制', ITEM_6, ITEMS_2019),
    object('fees', '行政事业性收费', ITEM_8, ITEMS_2019.slice(0, 2)),
    object('procurement', '政府集中采购', ITEM_9, PROCUREMENT_2019),
  ],
  headers: [ITEM_1, ITEM_5, ITEM_6, ITEM_8, ITEM_9, CONTENT, ...DOCS_2019.map((c) => c.label),
    ...ITEMS_2019.map((c) => c.label), '本年增减', ...PROCUREMENT_2019.map((c) => c.label)],
  signature: [...DOCS_2019.map((c) => c.label), ...ITEMS_2019.map((c) => c.label), ...PROCUREMENT_2019.map((c) => c.label)],
  identities: [],
};
