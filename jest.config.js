// One jest run covers the whole repository: the LWC suites (sfdx-lwc-jest's preset) and the
// TypeScript suites of the service, the emulator and the cross-part tests (ts-jest).
const { jestConfig: lwcConfig } = require('@salesforce/sfdx-lwc-jest/config');

const lwc = {
  ...lwcConfig,
  displayName: 'lwc',
  testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.js'],
  setupFilesAfterEnv: [...(lwcConfig.setupFilesAfterEnv || []), '<rootDir>/force-app/test/jest-setup.js'],
  moduleNameMapper: {
    '^lightning/navigation$': '<rootDir>/force-app/test/jest-mocks/lightning/navigation',
    '^lightning/platformShowToastEvent$':
      '<rootDir>/force-app/test/jest-mocks/lightning/platformShowToastEvent',
    '^lightning/graphql$': '<rootDir>/force-app/test/jest-mocks/lightning/graphql',
    '^lightning/modal$': '<rootDir>/force-app/test/jest-mocks/lightning/modal',
    // One implementation for jest and the preview: the page (document) is the refresh container.
    '^lightning/refresh$': '<rootDir>/test/preview/modules/lightning/refresh/refresh.js'
  }
};

const node = {
  displayName: 'node',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/sync-service/**/*.test.ts',
    '<rootDir>/test/**/*.test.ts'
  ],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }]
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/test/support/jest-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/jest-global-teardown.ts',
};

module.exports = { projects: [lwc, node], testTimeout: 60000 };
