// Reading Salesforce metadata XML into plain objects. Values stay strings (no number/boolean
// coercion) so that "18" and "true" compare exactly as written, and text is whitespace-normalized
// because Prettier may wrap long values across lines.
import fs from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

export type Xml = { [key: string]: XmlValue };
export type XmlValue = string | Xml | XmlValue[];

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  cdataPropName: false
});

export function parseXml(text: string): Xml {
  return parser.parse(text) as Xml;
}

export function readXml(file: string): Xml {
  return parseXml(fs.readFileSync(file, 'utf8'));
}

/** The element(s) under `key` as an array: one element parses as a value, several as an array. */
export function list(node: XmlValue | undefined): XmlValue[] {
  if (node === undefined || node === '') return [];
  return Array.isArray(node) ? node : [node];
}

/** A child element's text, whitespace collapsed; undefined when absent. */
export function text(node: XmlValue | undefined, key: string): string | undefined {
  if (node === undefined || typeof node === 'string' || Array.isArray(node)) return undefined;
  const value = node[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return undefined;
  return value.replace(/\s+/g, ' ').trim();
}

export function child(node: XmlValue | undefined, key: string): Xml | undefined {
  if (node === undefined || typeof node === 'string' || Array.isArray(node)) return undefined;
  const value = node[key];
  return value !== undefined && typeof value === 'object' && !Array.isArray(value)
    ? value
    : undefined;
}
