// CSV as the Bulk APIs read and write it: the documented column delimiters and line endings,
// RFC 4180 quoting, and the checks Salesforce makes on an upload's line endings.
import { parse } from 'csv-parse/sync';

export const COLUMN_DELIMITERS: Readonly<Record<string, string>> = { BACKQUOTE: '`', CARET: '^', COMMA: ',', PIPE: '|', SEMICOLON: ';', TAB: '\t' };
export type LineEnding = 'LF' | 'CRLF';

export interface CsvTable {
  header: string[];
  rows: string[][];
}

/** Thrown for an upload Salesforce would fail the whole job over; the text is the job's errorMessage. */
export class CsvError extends Error {}

/** The end of the first line tells which line ending the data uses (the header row is never quoted across lines). */
function checkLineEnding(text: string, lineEnding: LineEnding): void {
  const newline = text.indexOf('\n');
  if (newline < 0) return;
  const crlf = newline > 0 && text[newline - 1] === '\r';
  if (crlf !== (lineEnding === 'CRLF')) {
    throw new CsvError(`ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is ${lineEnding}`);
  }
}

/** The line ending the data's first line uses (Bulk API 1.0 takes either). */
export function detectLineEnding(text: string): LineEnding {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? 'CRLF' : 'LF';
}

export function parseCsv(text: string, columnDelimiter: string, lineEnding: LineEnding): CsvTable {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { header: [], rows: [] };
  checkLineEnding(body, lineEnding);
  let records: string[][];
  try {
    records = parse(body, {
      delimiter: COLUMN_DELIMITERS[columnDelimiter] ?? ',',
      record_delimiter: lineEnding === 'CRLF' ? '\r\n' : '\n',
      relax_column_count: true,
      skip_empty_lines: true
    }) as string[][];
  } catch (error) {
    throw new CsvError(`ClientInputError : ${(error as Error).message}`);
  }
  const [header = [], ...rows] = records;
  return { header: header.map((name) => name.trim()), rows };
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** Every value quoted, as Salesforce writes result files. */
export function writeCsv(header: string[], rows: string[][], columnDelimiter = 'COMMA', lineEnding: LineEnding = 'LF'): string {
  const delimiter = COLUMN_DELIMITERS[columnDelimiter] ?? ',';
  const newline = lineEnding === 'CRLF' ? '\r\n' : '\n';
  return [header, ...rows].map((row) => row.map(quote).join(delimiter)).join(newline) + newline;
}
