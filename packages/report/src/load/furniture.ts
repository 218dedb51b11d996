/**
 * Page furniture that copy-paste and crawlers carry into a report's text when a page is flattened to one line:
 * a breadcrumb and toolbar before the article ("当前位置： 首页政务公开… 来源： 时间：… 微信 微博 QQ空间 全真版 文字版
 * 文件下载 相关链接：") and a download box after it ("附件下载"). Trimming it keeps the breadcrumb's column names and
 * dates out of the report (a "时间：2018-01-08" there is the page's, and "政府信息公开年报" is a column, not a title).
 */

const BREADCRUMB = /^[ \t\u3000]*(?:当前位置|您的位置|您现在的位置|你的位置|你现在的位置|现在位置|所在位置)[ \t\u3000]*[:：]/;
/** Toolbar words that close the furniture before the article; the last one found wins. */
const TOOLBAR = [
  '相关链接：', '相关链接:', '文件下载', '文字版', '全真版', 'QQ空间', '-->', '分享到：', '分享到:', '【打印】', '【关闭】',
  '打印本页', '关闭窗口', '【大 中 小】', '【大中小】', '扫一扫在手机打开当前页',
];
/** How far into the line the furniture may reach. */
const PREFIX_WINDOW = 400;
const TRAILING = ['附件下载', '相关附件', '【打印本页】【关闭窗口】', '【打印】【关闭】', '打印本页 关闭窗口', '【关闭窗口】', '【关闭】', '[打印] [关闭]'];

/** Offsets [start, end) of `text[start, end)` with leading breadcrumb/toolbar and trailing download boxes removed. */
export function trimFurniture(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  const head = text.slice(s, Math.min(e, s + PREFIX_WINDOW));
  if (BREADCRUMB.test(head)) {
    let cut = -1;
    for (const t of TOOLBAR) {
      const k = head.lastIndexOf(t);
      if (k >= 0 && k + t.length > cut) cut = k + t.length;
    }
    if (cut > 0) s += cut;
  }
  for (let again = true; again; ) {
    again = false;
    while (e > s && /[\s\u3000]/.test(text[e - 1]!)) e--;
    for (const t of TRAILING) {
      if (e - s > t.length && text.startsWith(t, e - t.length)) {
        e -= t.length;
        again = true;
      }
    }
  }
  while (s < e && /[\s\u3000]/.test(text[s]!)) s++;
  return [s, e];
}
