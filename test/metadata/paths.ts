import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const PACKAGE_DIR = path.join(REPO_ROOT, 'force-app');
export const DEFAULT_DIR = path.join(PACKAGE_DIR, 'main', 'default');
