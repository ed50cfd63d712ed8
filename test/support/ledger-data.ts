/** A LedgerData held in memory for the server's tests: the ledger's own rules (src/ledger) decide every write. */
import { appendEvent, buildReport, chineseCalendar, type Application, type IsoDate, type LedgerEvent, type Received } from '../../src/ledger/index.ts';
import type { Table2Json } from '../../src/report/types.ts';
import type { LedgerData, LedgerWrite } from '../../src/server/data.ts';

const calendar = chineseCalendar([]);

export class MemoryLedger implements LedgerData {
  readonly books = new Map<string, Application[]>();
  readonly tables2 = new Map<string, Table2Json>();

  async agencies() {
    return [...this.books.keys()].sort();
  }

  async applications(agency: string) {
    return structuredClone(this.books.get(agency) ?? []);
  }

  async application(agency: string, id: string) {
    return structuredClone(this.books.get(agency)?.find((a) => a.id === id));
  }

  async addApplication(agency: string, id: string, received: Received, today?: IsoDate): Promise<LedgerWrite> {
    const book = this.books.get(agency) ?? [];
    if (book.some((a) => a.id === id)) return { accepted: false, issues: [{ code: 'duplicate-id', severity: 'error', zh: `编号“${id}”已有申请`, en: `application ${id} exists` }] };
    const { application, accepted, issues } = appendEvent({ id, events: [] }, received, calendar, { today });
    if (accepted) this.books.set(agency, [...book, application]);
    return { accepted, issues };
  }

  async appendEvent(agency: string, id: string, event: LedgerEvent, today?: IsoDate): Promise<LedgerWrite> {
    const book = this.books.get(agency) ?? [];
    const i = book.findIndex((a) => a.id === id);
    if (i < 0) return { accepted: false, issues: [{ code: 'no-application', severity: 'error', zh: `没有编号为“${id}”的申请`, en: `no application ${id}` }] };
    const { application, accepted, issues } = appendEvent(book[i], event, calendar, { today });
    book[i] = application;
    return { accepted, issues };
  }

  async saveTable2(agency: string, year: number, table2: Table2Json): Promise<LedgerWrite> {
    this.tables2.set(`${agency}/${year}`, structuredClone(table2));
    return { accepted: true, issues: [] };
  }

  async draft(agency: string, year: number) {
    return buildReport(this.books.get(agency) ?? [], { year, agency, calendar, table2: this.tables2.get(`${agency}/${year}`) });
  }
}
