/**
 * The rule for a document link (footnote to the 2024 schedule: «При отсутствии документов и/или
 * предоставлении ссылки на страницу сайта, а не конкретный документ, он считается не
 * предоставленным»). A link counts as a provided document when it is an http(s) URL and
 *  - its path names a file with a document or image extension (…/polozhenie.pdf, …/scan.JPG),
 *    or a query parameter does (download.php?file=otchet.docx), or
 *  - it opens one document in a known document viewer: docs.google.com/{document,spreadsheets,
 *    presentation}/d/…, drive.google.com/file/d/… or drive.google.com/open?id=…, disk.yandex.ru/i/… or
 *    /d/… (and yadi.sk/i/…, /d/…).
 * Everything else is not provided: an empty value, text that is not an http(s) URL, a page or section
 * of a site (…/sveden/, …/documents.html, a path ending in «/», the site's root), a folder in a
 * cloud drive.
 */

export const DOCUMENT_EXTENSIONS: readonly string[] = [
  'pdf',
  'doc',
  'docx',
  'odt',
  'rtf',
  'xls',
  'xlsx',
  'ods',
  'ppt',
  'pptx',
  'odp',
  'jpg',
  'jpeg',
  'png',
  'gif',
  'tif',
  'tiff',
  'bmp',
  'webp',
  'djvu',
];

export type DocumentLinkVerdict =
  | { provided: true; kind: 'file' | 'viewer' }
  | { provided: false; kind: 'missing' | 'not-http' | 'page'; reason: string };

const VIEWERS: { host: RegExp; path: RegExp; query?: string }[] = [
  { host: /^docs\.google\.com$/, path: /^\/(document|spreadsheets|presentation)\/d\/[^/]+/ },
  { host: /^drive\.google\.com$/, path: /^\/file\/d\/[^/]+/ },
  { host: /^drive\.google\.com$/, path: /^\/open\/?$/, query: 'id' },
  { host: /^disk\.yandex\.ru$/, path: /^\/[id]\/[^/]+/ },
  { host: /^yadi\.sk$/, path: /^\/[id]\/[^/]+/ },
];

function namesDocumentFile(text: string): boolean {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // A malformed escape: judge the text as written.
  }
  const last = decoded.split('/').pop() ?? '';
  const dot = last.lastIndexOf('.');
  return dot > 0 && DOCUMENT_EXTENSIONS.includes(last.slice(dot + 1).toLowerCase());
}

/** Whether a link counts as a provided document, and why not when it does not. */
export function judgeDocumentLink(link: string | null | undefined): DocumentLinkVerdict {
  const text = link?.trim() ?? '';
  if (text === '') return { provided: false, kind: 'missing', reason: 'Ссылка не указана' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      provided: false,
      kind: 'not-http',
      reason: 'Это не адрес в интернете (нужна ссылка http:// или https://)',
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { provided: false, kind: 'not-http', reason: 'Нужна ссылка http:// или https://' };
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  for (const viewer of VIEWERS) {
    if (viewer.host.test(host) && viewer.path.test(url.pathname)) {
      if (!viewer.query || url.searchParams.get(viewer.query)) return { provided: true, kind: 'viewer' };
    }
  }
  if (namesDocumentFile(url.pathname)) return { provided: true, kind: 'file' };
  for (const value of url.searchParams.values()) {
    if (namesDocumentFile(value)) return { provided: true, kind: 'file' };
  }
  return {
    provided: false,
    kind: 'page',
    reason: 'Ссылка ведёт на страницу сайта, а не на конкретный документ',
  };
}

/** The rule as a yes/no: does this link count as a provided document? */
export function isDocumentProvided(link: string | null | undefined): boolean {
  return judgeDocumentLink(link).provided;
}
