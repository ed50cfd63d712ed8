/** The two statutory templates, each a set of sections and tables, with the notice that issued it. */
import { SECTIONS } from './sections.ts';
import { TABLE2_2019, TABLE2_2021 } from './table2.ts';
import { TABLE3_2019, TABLE3_2021 } from './table3.ts';
import { table4 } from './table4.ts';
import type { FormatVersion } from './types.ts';

export const FORMAT_2021: FormatVersion = {
  id: '2021',
  basis: '国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》',
  notice: {
    number: '国办公开办函〔2021〕30号',
    title: '国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知',
  },
  firstYear: 2021,
  sections: SECTIONS,
  tables: { table2: TABLE2_2021, table3: TABLE3_2021, table4: table4('2021') },
};

export const FORMAT_2019: FormatVersion = {
  id: '2019',
  basis: '国办公开办函〔2019〕60号《政府信息公开工作年度报告格式（试行）》',
  notice: {
    number: '国办公开办函〔2019〕60号',
    title: '国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知',
  },
  firstYear: 2019,
  lastYear: 2020,
  sections: SECTIONS,
  tables: { table2: TABLE2_2019, table3: TABLE3_2019, table4: table4('2019') },
};

export const VERSIONS: FormatVersion[] = [FORMAT_2021, FORMAT_2019];
