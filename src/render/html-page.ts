/**
 * The report as a government website serves it: the same content inside site chrome (top bar, search, menus,
 * breadcrumb, 索引号/发布日期 metadata, 字号：大 中 小, 打印, share and QR-code boxes, footer), with the body in the
 * markup Word's "save as web page" leaves behind (MsoNormal paragraphs, spans, &nbsp; in empty cells).
 */
import type { GridCell } from './grid.ts';
import { escapeHtml, htmlTable } from './html.ts';
import { outline, reportTitle } from './outline.ts';
import type { ReportData } from './types.ts';

const FONT = 'font-family:仿宋_GB2312;font-size:12.0pt';

function wordCell(cell: GridCell): string {
  const align = cell.role === 'label' ? 'left' : 'center';
  const text = cell.text ? escapeHtml(cell.text) : '&nbsp;';
  return `<p class="MsoNormal" align="${align}" style="text-align:${align}"><span style="${FONT}">${text}</span></p>`;
}

function pageBody(report: ReportData): string {
  const out: string[] = [];
  for (const block of outline(report)) {
    switch (block.kind) {
      case 'title':
        break; // the page shows the title above the article body
      case 'heading':
        out.push(`<p class="MsoNormal" style="text-indent:32.0pt"><b><span style="font-family:黑体">${escapeHtml(block.text)}</span></b></p>`);
        break;
      case 'subheading':
        out.push(`<p class="MsoNormal" style="text-indent:32.0pt"><b><span style="font-family:楷体_GB2312">${escapeHtml(block.text)}</span></b></p>`);
        break;
      case 'paragraph':
        out.push(`<p class="MsoNormal" style="text-indent:32.0pt"><span style="${FONT}">　　${escapeHtml(block.text)}</span></p>`);
        break;
      case 'table':
        out.push(`<div align="center">${htmlTable(
          block.grid,
          'class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse;border:none"',
          wordCell,
        ).replace(/<th/g, '<td').replace(/<\/th>/g, '</td>')}</div>`);
        break;
      case 'signature':
        out.push(...block.lines.map((l) => `<p class="MsoNormal" align="right" style="text-align:right"><span style="${FONT}">${escapeHtml(l)}</span></p>`));
    }
  }
  return out.join('\n');
}

/** The government of the region the agency belongs to ("石嘴山市惠农区卫生健康局" → "石嘴山市惠农区"). */
function regionOf(agency: string): string {
  return /^(.*[省市区县旗])/.exec(agency.replace(/(?:人民)?政府[^]*$/, ''))?.[1] ?? agency;
}

export function renderHtmlPage(report: ReportData): string {
  const title = escapeHtml(reportTitle(report));
  const agency = escapeHtml(report.agency);
  const site = `${escapeHtml(regionOf(report.agency))}人民政府`;
  const date = report.published ?? `${report.year + 1}-01-31`;
  return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${title}_${site}</title>
<link rel="stylesheet" href="/static/css/common.css">
<script src="/static/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; (function () { var hm = document.createElement("script"); })();</script>
</head>
<body>
<div class="top-bar"><div class="w1200"><span>欢迎访问${site}门户网站！</span> <a href="/wza/">无障碍</a> <a href="javascript:;">长者模式</a> <a href="/m/">手机版</a></div></div>
<div class="header"><div class="logo"><img src="/static/images/logo.png" alt="${site}"></div>
<form class="search" action="/search/"><input type="text" name="q" placeholder="请输入关键字"><button type="submit">搜索</button></form></div>
<div class="nav"><ul>
<li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li>
<li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxq/">走进${site.slice(0, -4)}</a></li>
</ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>
<div class="xxgk-meta">
<div>索引号：${escapeHtml(indexNumber(report))}</div>
<div>发布机构：${agency}</div>
<div>发布日期：${date}</div>
</div>
<div class="article">
<h1 class="article-title">${title}</h1>
<div class="article-info"><span>来源：${agency}</span> <span>字号：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a></span> <a href="javascript:window.print()">打印</a> <a href="javascript:window.close()">关闭</a></div>
<div class="article-content TRS_Editor">
${pageBody(report)}
</div>
<div class="article-tools"><div class="share">分享到：<a href="javascript:;">微信</a> <a href="javascript:;">微博</a></div>
<div class="qrcode"><img src="/static/images/qrcode.png" alt="二维码"><p>扫码使用手机浏览本页内容</p></div></div>
</div>
<div class="footer">
<p><a href="/about/">关于本站</a> | <a href="/sitemap/">网站地图</a> | <a href="/contact/">联系我们</a></p>
<p>主办单位：${site}办公室　承办：${site.slice(0, -4)}大数据服务中心</p>
<p>网站标识码：6402000001　备案号：宁ICP备05001234号-1　公安机关备案号：64020202000123</p>
</div>
</body>
</html>
`;
}

/** A plausible 索引号 (unit code / year-serial), stable for the same report. */
function indexNumber(report: ReportData): string {
  let h = 0;
  for (const ch of report.agency) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return `11${String(h).padStart(10, '0').slice(0, 10)}X/${report.year + 1}-${String(h % 9_000_000 + 1_000_000)}`;
}

