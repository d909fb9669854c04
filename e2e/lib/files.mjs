// Files the browser tests download, read back with real readers: PDFs with
// Debian's poppler-utils (`pdftotext`, `pdfinfo`), XLSX with Python's
// openpyxl (the private virtual environment `cargo xtask` makes), CSV by
// RFC 4180.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

const PYTHON = process.env.CONCORD_E2E_PYTHON ?? `${process.env.HOME}/.cache/concord-tools/venv/bin/python`;

/**
 * Clicks `selector` (a download link) and waits for the download; answers
 * `{ name, bytes }`.
 */
export async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const failure = await file.failure();
  if (failure) throw new Error(`download from ${selector} failed: ${failure}`);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** The PDF's text, one string per page (`pdftotext` splits pages with a form feed). */
export function pdfPages(path) {
  // poppler warns on stderr about structure trees it does not know; only the text matters.
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const pages = text.split('\f');
  // The text ends with a form feed after the last page.
  if (pages.at(-1).trim() === '') pages.pop();
  return pages;
}

/** `pdfinfo`'s fields (`Pages`, `Tagged`, `Title`, …). */
export function pdfInfo(path) {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => {
    const at = l.indexOf(':');
    return [l.slice(0, at).trim(), l.slice(at + 1).trim()];
  }));
}

const READ_XLSX = `
import datetime, json, sys
import openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheet = book.active
def value(cell):
    v = cell.value
    if isinstance(v, datetime.datetime):
        return {"date": v.date().isoformat()}
    if isinstance(v, datetime.date):
        return {"date": v.isoformat()}
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v
print(json.dumps({
    "sheet": sheet.title,
    "sheets": book.sheetnames,
    "freeze": sheet.freeze_panes,
    "filter": sheet.auto_filter.ref,
    "types": [[cell.data_type for cell in row] for row in sheet.iter_rows()],
    "rows": [[value(cell) for cell in row] for row in sheet.iter_rows()],
}))
`;

/** The XLSX's first sheet as openpyxl reads it: `{ sheet, freeze, filter, rows, types }`. */
export function readXlsx(path) {
  return JSON.parse(execFileSync(PYTHON, ['-c', READ_XLSX, path], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

/** RFC 4180 records of `text` (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
