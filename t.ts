import { generateReport } from './bench/generate.ts';
import { renderMarkdownShredded } from './src/render/copies.ts';
const t = renderMarkdownShredded(generateReport(1, { version: '2021' }));
console.log(t.slice(t.indexOf('四、政府信息公开行政复议'), t.indexOf('五、')));
