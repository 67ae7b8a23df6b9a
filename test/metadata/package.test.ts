// force-app as a whole: it resolves and converts to metadata-API format the way `sf project deploy`
// would (source-deploy-retrieve, offline), and every XML file in it is well formed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { XMLValidator } from 'fast-xml-parser';
import { PACKAGE_DIR, REPO_ROOT } from './paths';

function xmlFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return xmlFilesUnder(full);
    return entry.name.endsWith('.xml') ? [full] : [];
  });
}

describe('force-app package', () => {
  let outputDir: string;
  beforeAll(() => {
    outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-mdapi-'));
  });
  afterAll(() => fs.rmSync(outputDir, { recursive: true, force: true }));

  it('resolves into components and converts to metadata-API format', async () => {
    const components = ComponentSet.fromSource(PACKAGE_DIR);
    const sources = components.getSourceComponents().toArray();
    const types = new Set(
      sources.flatMap((c) => [c.type.name, ...c.getChildren().map((child) => child.type.name)])
    );
    // The kinds of metadata Tandem ships; a folder SDR could not recognise would be missing here.
    for (const type of [
      'CustomObject',
      'CustomField',
      'ValidationRule',
      'ListView',
      'CustomTab',
      'PermissionSet',
      'CustomMetadata',
      'CustomLabels',
      'CustomObjectTranslation',
      'CustomFieldTranslation',
      'Translations',
      'FlexiPage',
      'LightningComponentBundle',
      'CustomApplication',
      'Profile',
      'ReportType',
      'ReportFolder',
      'Report',
      'DashboardFolder',
      'Dashboard'
    ]) {
      expect({ type, present: types.has(type) }).toEqual({ type, present: true });
    }
    const result = await new MetadataConverter().convert(components, 'metadata', {
      type: 'directory',
      outputDirectory: outputDir
    });
    const packageDir = result.packagePath ?? '';
    expect(fs.existsSync(path.join(packageDir, 'package.xml'))).toBe(true);
    // Fields of a custom object are recomposed into its .object file, e.g. Account_Plan__c.
    const plan = fs.readFileSync(
      path.join(packageDir, 'objects', 'Account_Plan__c.object'),
      'utf8'
    );
    expect(plan).toContain('<fullName>Revenue_Target__c</fullName>');
    expect(
      fs.existsSync(path.join(packageDir, 'permissionsets', 'Tandem_Integration.permissionset'))
    ).toBe(true);
    // The app layer lands where the Metadata API expects it, reports and dashboards in folders.
    for (const file of [
      'applications/Tandem.app',
      'flexipages/Tandem_Program.flexipage',
      'flexipages/Tandem_Home.flexipage',
      'tabs/Tandem_Program.tab',
      'profiles/Admin.profile',
      'reportTypes/Tandem_Accounts_With_Metrics.reportType',
      'reports/Tandem-meta.xml',
      'reports/Tandem/Tandem_Top_Strategic_Accounts.report',
      'dashboards/Tandem-meta.xml',
      'dashboards/Tandem/Tandem_Program.dashboard'
    ]) {
      expect({ file, exists: fs.existsSync(path.join(packageDir, file)) }).toEqual({ file, exists: true });
    }
  });

  it('has only well-formed XML files', () => {
    const files = xmlFilesUnder(PACKAGE_DIR);
    expect(files.length).toBeGreaterThan(100);
    const invalid = files
      .map((file) => ({
        file: path.relative(REPO_ROOT, file),
        result: XMLValidator.validate(fs.readFileSync(file, 'utf8'))
      }))
      .filter(({ result }) => result !== true)
      .map(({ file, result }) =>
        result === true ? file : `${file}:${result.err.line}: ${result.err.msg}`
      );
    expect(invalid).toEqual([]);
  });
});
