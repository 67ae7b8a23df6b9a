// LWC rules (Salesforce's recommended set) for the components; typescript-eslint for the service,
// the emulator and the scripts.
const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');
const tseslint = require('typescript-eslint');
const globals = require('globals');

const lwcFiles = ['force-app/**/lwc/**/*.js'];

module.exports = [
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      '.sfdx/**',
      '.sf/**',
      '.preview-build/**',
      'docs/**'
    ]
  },
  ...lwcConfig.configs.recommended.map((config) => ({ ...config, files: lwcFiles })),
  {
    files: ['force-app/**/lwc/**/__tests__/**/*.js', 'force-app/test/**/*.js'],
    plugins: { jest: jestPlugin },
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off' }
  },
  ...tseslint.configs.recommended.map((config) => ({
    ...config,
    files: ['**/*.ts']
  })),
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['*.js', '*.mjs', 'scripts/**/*.{js,mjs,cjs}', 'test/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } }
  }
];
