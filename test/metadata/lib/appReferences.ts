// The app layer's references, which Salesforce resolves only at deploy time (and SDR's offline
// conversion not at all): FlexiPages name components exposed for their page type and those
// components' design properties; tabs and the app name FlexiPages and tabs; permission sets and
// profiles name the app; reports name their report type's columns; dashboards name reports and
// those reports' columns. Reading is pure: file contents in, problems out.
import fs from 'node:fs';
import path from 'node:path';
import type { MetadataIndex } from './metadataIndex';
import { pathProblem } from './check';
import { child, list, parseXml, readXml, text, type Xml } from './xml';

export interface AppIndex {
  /** FlexiPage name → its type (AppPage, HomePage, RecordPage) and sobjectType. */
  flexiPages: Map<string, { type: string; sobjectType?: string }>;
  /** LWC bundle → whether exposed, its targets, design properties by target. */
  components: Map<string, { exposed: boolean; targets: string[]; properties: Map<string, Set<string>> }>;
  /** Custom tab name → the FlexiPage it opens, if any. */
  tabs: Map<string, { flexiPage?: string }>;
  applications: Set<string>;
  /** Report type API name (without __c) → the columns it offers, as `Table$Field`. */
  reportTypes: Map<string, { baseObject: string; columns: Set<string> }>;
  /** `Folder/Report` → its report type and the columns it names. */
  reports: Map<string, { reportType: string; columns: string[] }>;
}

const PAGE_TARGETS: Record<string, string> = {
  AppPage: 'lightning__AppPage',
  HomePage: 'lightning__HomePage',
  RecordPage: 'lightning__RecordPage'
};

const files = (dir: string, suffix: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(suffix)).sort() : [];

/** Attributes are dropped by the shared parser; js-meta.xml keeps its targets in them. */
function componentInfo(source: string): { exposed: boolean; targets: string[]; properties: Map<string, Set<string>> } {
  const exposed = /<isExposed>\s*true\s*<\/isExposed>/.test(source);
  const targets = [...source.matchAll(/<target>\s*([\w_]+)\s*<\/target>/g)].map((m) => m[1]!);
  const properties = new Map<string, Set<string>>();
  for (const config of source.matchAll(/<targetConfig\s+targets="([^"]+)"\s*>([\s\S]*?)<\/targetConfig>/g)) {
    const names = [...config[2]!.matchAll(/<property[^>]*\bname="([^"]+)"/g)].map((m) => m[1]!);
    for (const target of config[1]!.split(',').map((t) => t.trim())) {
      const set = properties.get(target) ?? new Set<string>();
      names.forEach((name) => set.add(name));
      properties.set(target, set);
    }
  }
  return { exposed, targets, properties };
}

/** `Table$Field` names a report type offers: each section column's table and field. */
function reportTypeColumns(xml: Xml): Set<string> {
  const columns = new Set<string>();
  for (const section of list(xml.sections)) {
    for (const column of list((section as Xml).columns)) {
      columns.add(`${text(column, 'table') ?? ''}$${text(column, 'field') ?? ''}`);
    }
  }
  return columns;
}

/** Every column a report names: columns, filters, groupings, sort, time frame, chart. */
export function reportColumns(report: Xml): string[] {
  const names = [
    ...list(report.columns).map((c) => text(c, 'field')),
    ...list(child(report, 'filter')?.criteriaItems).map((c) => text(c, 'column')),
    ...list(report.groupingsDown).map((g) => text(g, 'field')),
    ...list(report.groupingsAcross).map((g) => text(g, 'field')),
    text(report, 'sortColumn'),
    text(child(report, 'timeFrameFilter'), 'dateColumn'),
    ...list(child(report, 'chart')?.chartSummaries).map((s) => text(s, 'column')),
    text(child(report, 'chart'), 'groupingColumn')
  ];
  return names.filter((name): name is string => Boolean(name));
}

export function loadAppIndex(root: string): AppIndex {
  const flexiPages = new Map<string, { type: string; sobjectType?: string }>();
  for (const file of files(path.join(root, 'flexipages'), '.flexipage-meta.xml')) {
    const page = child(readXml(path.join(root, 'flexipages', file)), 'FlexiPage') ?? {};
    flexiPages.set(file.replace('.flexipage-meta.xml', ''), { type: text(page, 'type') ?? '', sobjectType: text(page, 'sobjectType') });
  }
  const components = new Map<string, { exposed: boolean; targets: string[]; properties: Map<string, Set<string>> }>();
  const lwcDir = path.join(root, 'lwc');
  for (const bundle of fs.existsSync(lwcDir) ? fs.readdirSync(lwcDir).sort() : []) {
    const meta = path.join(lwcDir, bundle, `${bundle}.js-meta.xml`);
    if (fs.existsSync(meta)) components.set(bundle, componentInfo(fs.readFileSync(meta, 'utf8')));
  }
  const tabs = new Map<string, { flexiPage?: string }>();
  for (const file of files(path.join(root, 'tabs'), '.tab-meta.xml')) {
    tabs.set(file.replace('.tab-meta.xml', ''), { flexiPage: text(child(readXml(path.join(root, 'tabs', file)), 'CustomTab'), 'flexiPage') });
  }
  const applications = new Set(files(path.join(root, 'applications'), '.app-meta.xml').map((f) => f.replace('.app-meta.xml', '')));
  const reportTypes = new Map<string, { baseObject: string; columns: Set<string> }>();
  for (const file of files(path.join(root, 'reportTypes'), '.reportType-meta.xml')) {
    const xml = child(readXml(path.join(root, 'reportTypes', file)), 'ReportType') ?? {};
    reportTypes.set(file.replace('.reportType-meta.xml', ''), { baseObject: text(xml, 'baseObject') ?? '', columns: reportTypeColumns(xml) });
  }
  const reports = new Map<string, { reportType: string; columns: string[] }>();
  const reportsDir = path.join(root, 'reports');
  const folders = fs.existsSync(reportsDir) ? fs.readdirSync(reportsDir, { withFileTypes: true }).filter((e) => e.isDirectory()) : [];
  for (const folder of folders.map((e) => e.name).sort()) {
    for (const file of files(path.join(reportsDir, folder), '.report-meta.xml')) {
      const xml = child(readXml(path.join(reportsDir, folder, file)), 'Report') ?? {};
      reports.set(`${folder}/${file.replace('.report-meta.xml', '')}`, { reportType: text(xml, 'reportType') ?? '', columns: reportColumns(xml) });
    }
  }
  return { flexiPages, components, tabs, applications, reportTypes, reports };
}

/** Custom components on a FlexiPage: exposed for the page's type, with the properties set. */
export function flexiPageProblems(app: AppIndex, file: string, source: string): string[] {
  const page = child(parseXml(source), 'FlexiPage') ?? {};
  const target = PAGE_TARGETS[text(page, 'type') ?? ''];
  const problems: string[] = [];
  for (const region of list(page.flexiPageRegions)) {
    for (const item of list((region as Xml).itemInstances)) {
      const instance = child(item, 'componentInstance');
      const name = text(instance, 'componentName') ?? '';
      if (!instance || name.includes(':')) continue; // a standard component (force:, flexipage:, home:…)
      const component = app.components.get(name);
      if (!component) {
        problems.push(`${file}: component ${name} does not exist in force-app/main/default/lwc`);
        continue;
      }
      if (!component.exposed || !target || !component.targets.includes(target)) {
        problems.push(`${file}: component ${name} is not exposed for ${target ?? text(page, 'type')}`);
      }
      const properties = component.properties.get(target ?? '') ?? new Set<string>();
      for (const property of list(instance.componentInstanceProperties)) {
        const propertyName = text(property, 'name') ?? '';
        if (!properties.has(propertyName)) problems.push(`${file}: component ${name} has no design property ${propertyName} for ${target}`);
      }
    }
  }
  return problems;
}

function pageProblem(app: AppIndex, name: string, type: string, sobjectType?: string): string | null {
  const page = app.flexiPages.get(name);
  if (!page) return `FlexiPage ${name} does not exist`;
  if (page.type !== type) return `FlexiPage ${name} is a ${page.type}, not a ${type}`;
  if (sobjectType && page.sobjectType !== sobjectType) return `FlexiPage ${name} is for ${page.sobjectType}, not ${sobjectType}`;
  return null;
}

const tabProblem = (app: AppIndex, tab: string): string | null =>
  tab.startsWith('standard-') || app.tabs.has(tab) ? null : `tab ${tab} does not exist in force-app/main/default/tabs`;

export function tabProblems(app: AppIndex): string[] {
  return [...app.tabs].flatMap(([name, tab]) => {
    const problem = tab.flexiPage ? pageProblem(app, tab.flexiPage, 'AppPage') : null;
    return problem ? [`tabs/${name}.tab-meta.xml: ${problem}`] : [];
  });
}

/** The app's tabs and page assignments (home page, record pages). */
export function applicationProblems(app: AppIndex, file: string, source: string): string[] {
  const application = child(parseXml(source), 'CustomApplication') ?? {};
  const problems = list(application.tabs).map((tab) => tabProblem(app, String(tab).trim()));
  for (const override of list(application.actionOverrides)) {
    if (text(override, 'type') !== 'Flexipage') continue;
    const target = text(override, 'pageOrSobjectType') ?? '';
    const content = text(override, 'content') ?? '';
    problems.push(target === 'standard-home' ? pageProblem(app, content, 'HomePage') : pageProblem(app, content, 'RecordPage', target));
  }
  return problems.filter((p): p is string => p !== null).map((p) => `${file}: ${p}`);
}

/** Apps and tabs a permission set or profile grants. */
export function visibilityProblems(app: AppIndex, file: string, source: string): string[] {
  const root = parseXml(source);
  const set = child(root, 'PermissionSet') ?? child(root, 'Profile') ?? {};
  const problems = [
    ...list(set.applicationVisibilities).map((v) => {
      const name = text(v, 'application') ?? '';
      return app.applications.has(name) ? null : `application ${name} does not exist in force-app/main/default/applications`;
    }),
    ...list(set.tabVisibilities).map((v) => tabProblem(app, text(v, 'tab') ?? ''))
  ];
  return problems.filter((p): p is string => p !== null).map((p) => `${file}: ${p}`);
}

/** A report type's base object, join and columns, against the objects and fields of force-app. */
export function reportTypeProblems(index: MetadataIndex, file: string, source: string): string[] {
  const xml = child(parseXml(source), 'ReportType') ?? {};
  const base = text(xml, 'baseObject') ?? '';
  const problems: string[] = [];
  const baseProblem = pathProblem(index, `${base}.Id`);
  if (baseProblem) problems.push(baseProblem);
  const tables = new Map<string, string>([[base, base]]);
  for (let join = child(xml, 'join'), parent = base, table = base; join; join = child(join, 'join')) {
    const relationship = text(join, 'relationship') ?? '';
    const childObject = [...index.objects.values()].find((o) =>
      [...o.fields.values()].some((f) => text(f.xml, 'referenceTo') === parent && `${text(f.xml, 'relationshipName')}__r` === relationship)
    );
    if (!childObject) {
      problems.push(`join ${relationship}: no object has a lookup or master-detail to ${parent} named ${relationship}`);
      break;
    }
    table = `${table}.${relationship}`;
    tables.set(table, childObject.name);
    parent = childObject.name;
  }
  for (const column of reportTypeColumns(xml)) {
    const [table = '', field = ''] = column.split('$');
    const object = tables.get(table);
    const problem = object ? pathProblem(index, `${object}.${field}`) : `section table ${table} is not the base object or a join`;
    if (problem) problems.push(`column ${column}: ${problem}`);
  }
  return problems.map((p) => `${file}: ${p}`);
}

/**
 * A report's type and every column it names: `Table$Field` of its custom report type, or
 * `Object.Field` of `CustomEntity$Object` (a custom object with reports enabled).
 */
export function reportProblems(index: MetadataIndex, app: AppIndex, file: string, report: { reportType: string; columns: string[] }): string[] {
  const problems: string[] = [];
  const entity = /^CustomEntity\$(\w+__c)$/.exec(report.reportType);
  if (entity) {
    const object = index.objects.get(entity[1]!);
    if (!object?.file) problems.push(`report type ${report.reportType}: object ${entity[1]} does not exist in force-app`);
    else if (text(object.xml ?? {}, 'enableReports') !== 'true') problems.push(`report type ${report.reportType}: ${entity[1]} does not allow reports`);
    for (const column of report.columns) {
      const problem = column.startsWith(`${entity[1]}.`) ? pathProblem(index, column) : `not a column of ${entity[1]}`;
      if (problem) problems.push(`column ${column}: ${problem}`);
    }
  } else {
    const reportType = app.reportTypes.get(report.reportType.replace(/__c$/, ''));
    if (!reportType) problems.push(`report type ${report.reportType} does not exist in force-app/main/default/reportTypes`);
    else for (const column of report.columns) if (!reportType.columns.has(column)) problems.push(`column ${column} is not in report type ${report.reportType}`);
  }
  return problems.map((p) => `${file}: ${p}`);
}

/** A dashboard's components: each report exists, and each column a component names is the report's. */
export function dashboardProblems(app: AppIndex, file: string, source: string): string[] {
  const dashboard = child(parseXml(source), 'Dashboard') ?? {};
  const components = [
    ...list(child(dashboard, 'dashboardGridLayout')?.dashboardGridComponents).map((c) => child(c, 'dashboardComponent')),
    ...list(dashboard.leftSection).flatMap((s) => list((s as Xml).components)),
    ...list(dashboard.middleSection).flatMap((s) => list((s as Xml).components)),
    ...list(dashboard.rightSection).flatMap((s) => list((s as Xml).components))
  ].filter((c): c is Xml => Boolean(c));
  const problems: string[] = [];
  for (const component of components) {
    const name = text(component, 'report') ?? '';
    const report = app.reports.get(name);
    if (!report) {
      problems.push(`component "${text(component, 'header')}" names report ${name}, which does not exist`);
      continue;
    }
    const columns = [
      ...list(component.chartSummary).map((s) => text(s, 'column')),
      text(component, 'groupingColumn'),
      ...list(child(component, 'flexComponentProperties')?.flexTableColumn).map((c) => text(c, 'reportColumn'))
    ].filter((c): c is string => Boolean(c));
    for (const column of columns) if (!report.columns.includes(column)) problems.push(`component "${text(component, 'header')}" names ${column}, which report ${name} does not show`);
  }
  return problems.map((p) => `${file}: ${p}`);
}
