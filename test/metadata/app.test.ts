// The Tandem app layer resolves as a deploy would: the app's tabs and page assignments, the
// FlexiPages' components (exposed for the page type, with real design properties), the permission
// sets' and profiles' app and tab grants, report types, reports and the dashboard.
import fs from 'node:fs';
import path from 'node:path';
import {
  applicationProblems,
  dashboardProblems,
  flexiPageProblems,
  loadAppIndex,
  reportProblems,
  reportTypeProblems,
  tabProblems,
  visibilityProblems,
  type AppIndex
} from './lib/appReferences';
import { walk } from './lib/collect';
import { loadMetadata } from './lib/metadataIndex';
import { child, list, readXml, text } from './lib/xml';
import { DEFAULT_DIR, REPO_ROOT } from './paths';

const rel = (file: string): string => path.relative(REPO_ROOT, file);
const read = (file: string): string => fs.readFileSync(file, 'utf8');

describe('the Tandem app, its pages, reports and dashboard', () => {
  const index = loadMetadata(DEFAULT_DIR);
  const app = loadAppIndex(DEFAULT_DIR);

  it('finds the app, the Program and Home pages, the report types, the reports and the dashboard', () => {
    expect([...app.applications]).toEqual(['Tandem']);
    expect(app.flexiPages.get('Tandem_Program')).toEqual({ type: 'AppPage', sobjectType: undefined });
    expect(app.flexiPages.get('Tandem_Home')).toEqual({ type: 'HomePage', sobjectType: undefined });
    expect([...app.reportTypes.keys()]).toEqual(['Tandem_Accounts_With_Metrics', 'Tandem_Sponsorships']);
    expect([...app.reports.keys()]).toEqual(['Tandem/Tandem_Growth_By_Quarter', 'Tandem/Tandem_Sponsors_Overdue', 'Tandem/Tandem_Top_Strategic_Accounts']);
  });

  it('FlexiPages place only components exposed for their page type, with design properties that exist', () => {
    const problems = walk(path.join(DEFAULT_DIR, 'flexipages'), '.flexipage-meta.xml').flatMap((file) => flexiPageProblems(app, rel(file), read(file)));
    expect(problems).toEqual([]);
  });

  it('the Program page hosts samProgram; the Home page the sponsor portfolio above it', () => {
    const components = (name: string) =>
      list(child(readXml(path.join(DEFAULT_DIR, 'flexipages', `${name}.flexipage-meta.xml`)), 'FlexiPage')?.flexiPageRegions)
        .flatMap((region) => list((region as Record<string, never>).itemInstances))
        .map((item) => text(child(item, 'componentInstance'), 'componentName'));
    expect(components('Tandem_Program')).toEqual(['samProgram']);
    expect(components('Tandem_Home')).toEqual(['sponsorPortfolio', 'samProgram']);
  });

  it('tabs open FlexiPages that exist; the app names tabs and pages that exist', () => {
    const apps = walk(path.join(DEFAULT_DIR, 'applications'), '.app-meta.xml');
    expect([...tabProblems(app), ...apps.flatMap((file) => applicationProblems(app, rel(file), read(file)))]).toEqual([]);
  });

  it('the app shows Home (the Tandem home page), the Program, Accounts (the Tandem record page) and Account Plans', () => {
    const application = child(readXml(path.join(DEFAULT_DIR, 'applications', 'Tandem.app-meta.xml')), 'CustomApplication');
    expect(list(application?.tabs)).toEqual(['standard-home', 'Tandem_Program', 'standard-Account', 'Account_Plan__c', 'standard-report', 'standard-Dashboard']);
    expect(list(application?.actionOverrides).map((o) => [text(o, 'pageOrSobjectType'), text(o, 'content')])).toEqual([
      ['standard-home', 'Tandem_Home'],
      ['Account', 'Tandem_Account_Record_Page']
    ]);
  });

  it('account teams, sponsors and admins see the app and the Program tab; the integration user does not', () => {
    const grants = (file: string) => {
      const root = readXml(path.join(DEFAULT_DIR, file));
      const set = child(root, 'PermissionSet') ?? child(root, 'Profile');
      return {
        apps: list(set?.applicationVisibilities).filter((v) => text(v, 'visible') === 'true').map((v) => text(v, 'application')),
        tabs: [...list(set?.tabSettings), ...list(set?.tabVisibilities)].map((t) => text(t, 'tab'))
      };
    };
    expect(grants('permissionsets/Tandem_User.permissionset-meta.xml')).toEqual({ apps: ['Tandem'], tabs: ['Account_Plan__c', 'Tandem_Program'] });
    expect(grants('permissionsets/Tandem_Sponsor.permissionset-meta.xml')).toEqual({ apps: ['Tandem'], tabs: ['Account_Plan__c', 'Tandem_Program'] });
    expect(grants('permissionsets/Tandem_Integration.permissionset-meta.xml')).toEqual({ apps: [], tabs: [] });
    expect(grants('profiles/Admin.profile-meta.xml')).toEqual({ apps: ['Tandem'], tabs: ['Tandem_Program'] });
    const sets = [...walk(path.join(DEFAULT_DIR, 'permissionsets'), '-meta.xml'), ...walk(path.join(DEFAULT_DIR, 'profiles'), '-meta.xml')];
    expect(sets.flatMap((file) => visibilityProblems(app, rel(file), read(file)))).toEqual([]);
  });

  it('report types join and offer fields that exist', () => {
    const files = walk(path.join(DEFAULT_DIR, 'reportTypes'), '.reportType-meta.xml');
    expect(files.flatMap((file) => reportTypeProblems(index, rel(file), read(file)))).toEqual([]);
  });

  it('reports name columns of their report type, and the dashboard names reports and their columns', () => {
    const problems = [...app.reports].flatMap(([name, report]) => reportProblems(index, app, `reports/${name}`, report));
    const dashboards = walk(path.join(DEFAULT_DIR, 'dashboards'), '.dashboard-meta.xml');
    expect([...problems, ...dashboards.flatMap((file) => dashboardProblems(app, rel(file), read(file)))]).toEqual([]);
  });

  it('the top-accounts report counts a group once: hierarchy rows are filtered out', () => {
    const report = child(readXml(path.join(DEFAULT_DIR, 'reports', 'Tandem', 'Tandem_Top_Strategic_Accounts.report-meta.xml')), 'Report');
    expect(list(child(report, 'filter')?.criteriaItems).map((c) => [text(c, 'column'), text(c, 'operator'), text(c, 'value')])).toContainEqual([
      'Account.Account_Metrics__r$Scope__c',
      'notEqual',
      'Hierarchy'
    ]);
  });
});

describe('broken app references are named', () => {
  const index = loadMetadata(DEFAULT_DIR);
  const app: AppIndex = {
    ...loadAppIndex(DEFAULT_DIR),
    components: new Map([
      ['samProgram', { exposed: true, targets: ['lightning__AppPage'], properties: new Map([['lightning__AppPage', new Set(['candidateCount'])]]) }],
      ['accountPlan', { exposed: true, targets: ['lightning__RecordPage'], properties: new Map() }]
    ])
  };
  const page = (type: string, component: string, property = 'candidateCount') =>
    `<FlexiPage><flexiPageRegions><itemInstances><componentInstance><componentInstanceProperties><name>${property}</name><value>5</value></componentInstanceProperties><componentName>${component}</componentName></componentInstance></itemInstances><itemInstances><componentInstance><componentName>home:heroChart</componentName></componentInstance></itemInstances></flexiPageRegions><type>${type}</type></FlexiPage>`;

  it('a component missing, not exposed for the page type, or given an unknown property', () => {
    expect(flexiPageProblems(app, 'p.xml', page('AppPage', 'samProgram'))).toEqual([]);
    expect(flexiPageProblems(app, 'p.xml', page('AppPage', 'samProgramm'))).toEqual(['p.xml: component samProgramm does not exist in force-app/main/default/lwc']);
    expect(flexiPageProblems(app, 'p.xml', page('HomePage', 'accountPlan', 'hideSwot'))).toEqual([
      'p.xml: component accountPlan is not exposed for lightning__HomePage',
      'p.xml: component accountPlan has no design property hideSwot for lightning__HomePage'
    ]);
    expect(flexiPageProblems(app, 'p.xml', page('AppPage', 'samProgram', 'candidates'))).toEqual([
      'p.xml: component samProgram has no design property candidates for lightning__AppPage'
    ]);
  });

  it('an app naming a missing tab or a page of the wrong type', () => {
    const source =
      '<CustomApplication><actionOverrides><content>Tandem_Program</content><type>Flexipage</type><pageOrSobjectType>standard-home</pageOrSobjectType></actionOverrides><tabs>standard-home</tabs><tabs>Programme</tabs></CustomApplication>';
    expect(applicationProblems(app, 'a.xml', source)).toEqual([
      'a.xml: tab Programme does not exist in force-app/main/default/tabs',
      'a.xml: FlexiPage Tandem_Program is a AppPage, not a HomePage'
    ]);
  });

  it('a report column its report type lacks, and a dashboard column its report does not show', () => {
    expect(
      reportProblems(index, app, 'r', { reportType: 'Tandem_Accounts_With_Metrics__c', columns: ['Account$Name', 'Account.Account_Metrics__r$Revenue__c'] })
    ).toEqual(['r: column Account.Account_Metrics__r$Revenue__c is not in report type Tandem_Accounts_With_Metrics__c']);
    expect(reportProblems(index, app, 'r', { reportType: 'CustomEntity$Program_Metric__c', columns: ['Program_Metric__c.Growth__c'] })).toEqual([
      'r: column Program_Metric__c.Growth__c: field Program_Metric__c.Growth__c does not exist'
    ]);
    const dashboard =
      '<Dashboard><dashboardGridLayout><dashboardGridComponents><dashboardComponent><chartSummary><column>Program_Metric__c.Plan_Coverage__c</column></chartSummary><header>G</header><report>Tandem/Tandem_Growth_By_Quarter</report></dashboardComponent></dashboardGridComponents><dashboardGridComponents><dashboardComponent><header>X</header><report>Tandem/Nope</report></dashboardComponent></dashboardGridComponents></dashboardGridLayout></Dashboard>';
    expect(dashboardProblems(app, 'd.xml', dashboard)).toEqual(['d.xml: component "X" names report Tandem/Nope, which does not exist']);
    const missingColumn = dashboard.replace('Plan_Coverage__c', 'Plan_Health__c');
    expect(dashboardProblems(app, 'd.xml', missingColumn)[0]).toBe(
      'd.xml: component "G" names Program_Metric__c.Plan_Health__c, which report Tandem/Tandem_Growth_By_Quarter does not show'
    );
  });

  it('a report type joining through a relationship that does not exist', () => {
    const source =
      '<ReportType><baseObject>Account</baseObject><join><relationship>Metrics__r</relationship></join><sections><columns><field>Name</field><table>Account</table></columns></sections></ReportType>';
    expect(reportTypeProblems(index, 'rt.xml', source)).toEqual(['rt.xml: join Metrics__r: no object has a lookup or master-detail to Account named Metrics__r']);
  });
});
