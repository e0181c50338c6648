import { describe, expect, it } from 'vitest';
import { isDocumentProvided, judgeDocumentLink } from './document-link';

describe('judgeDocumentLink: a direct link to a document counts, a page does not', () => {
  it.each([
    ['a PDF on the school site', 'https://school1.example.ru/docs/samoobsledovanie-2024.pdf'],
    ['an extension in capitals', 'https://school1.example.ru/upload/SCAN.JPG'],
    ['a Word document over http', 'http://school1.example.ru/files/polozhenie-vsoko.docx'],
    ['a percent-encoded Cyrillic file name', 'https://school.example/upload/%D0%BE%D1%82%D1%87%D0%B5%D1%82.pdf'],
    ['a file with a query string', 'https://school.example/upload/otchet.pdf?version=2'],
    ['a download script naming the file', 'https://school.example/download.php?file=polozhenie.docx'],
    ['an OpenDocument text', 'https://school.example/docs/oop.odt'],
    ['a scanned TIFF', 'https://school.example/docs/scan.tiff'],
  ])('%s: provided', (_, url) => {
    expect(judgeDocumentLink(url)).toEqual({ provided: true, kind: 'file' });
  });

  it.each([
    ['a Google document', 'https://docs.google.com/document/d/1AbC_dEf/edit?usp=sharing'],
    ['a Google spreadsheet', 'https://docs.google.com/spreadsheets/d/1AbC/view'],
    ['a Google Drive file', 'https://drive.google.com/file/d/1AbCdEf/view?usp=sharing'],
    ['a Google Drive open link', 'https://drive.google.com/open?id=1AbCdEf'],
    ['a Yandex Disk file', 'https://disk.yandex.ru/i/AbCdEf123'],
    ['a Yandex Disk public link', 'https://disk.yandex.ru/d/AbCdEf123'],
    ['a yadi.sk short link', 'https://yadi.sk/i/AbCdEf123'],
    ['a viewer with www.', 'https://www.docs.google.com/document/d/1AbC/edit'],
  ])('%s: provided', (_, url) => {
    expect(judgeDocumentLink(url)).toEqual({ provided: true, kind: 'viewer' });
  });

  it.each([
    ['the «Сведения» section', 'https://school1.example.ru/sveden/'],
    ['a section without the slash', 'https://school1.example.ru/sveden/document'],
    ['a path ending in a slash', 'https://school1.example.ru/docs/otchet.pdf/'],
    ['the site root', 'https://school1.example.ru'],
    ['an HTML page', 'https://school1.example.ru/documents.html'],
    ['a PHP page', 'https://school1.example.ru/index.php?section=docs'],
    ['a Google Drive folder', 'https://drive.google.com/drive/folders/1AbCdEf'],
    ['the Google Docs start page', 'https://docs.google.com/document/'],
    ['the Yandex Disk start page', 'https://disk.yandex.ru/client/disk'],
    ['a Google Drive open link without an id', 'https://drive.google.com/open'],
    ['a dot in a directory name only', 'https://school.example/v1.2/docs'],
  ])('%s: a page, not provided', (_, url) => {
    expect(judgeDocumentLink(url)).toMatchObject({ provided: false, kind: 'page' });
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty string', ''],
    ['only spaces', '   '],
  ])('%s: missing, not provided', (_, url) => {
    expect(judgeDocumentLink(url)).toEqual({ provided: false, kind: 'missing', reason: 'Ссылка не указана' });
  });

  it.each([
    ['an address without a scheme', 'school1.example.ru/docs/otchet.pdf'],
    ['an FTP link', 'ftp://school1.example.ru/otchet.pdf'],
    ['a local file', 'file:///C:/Документы/отчет.pdf'],
    ['a note instead of a link', 'размещено на сайте'],
  ])('%s: not an http link, not provided', (_, url) => {
    expect(judgeDocumentLink(url)).toMatchObject({ provided: false, kind: 'not-http' });
  });

  it('gives a Russian reason for a page link and trims spaces around a link', () => {
    const verdict = judgeDocumentLink('https://school1.example.ru/sveden/');
    expect(verdict.provided === false && verdict.reason).toBe(
      'Ссылка ведёт на страницу сайта, а не на конкретный документ',
    );
    expect(isDocumentProvided('  https://school.example/otchet.pdf  ')).toBe(true);
  });

  it('agrees with the example file: /docs/…pdf provided, /sveden/ not', () => {
    expect(isDocumentProvided('https://school1.example.ru/docs/polozhenie-vsoko.pdf')).toBe(true);
    expect(isDocumentProvided('https://school1.example.ru/sveden/')).toBe(false);
  });
});
