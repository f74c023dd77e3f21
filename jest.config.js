/**
 * Four projects: pure unit tests (no database, no child processes: `npm run test:unit` is the
 * fast loop), end-to-end tests against PostgreSQL, suites that drive other processes (CLI
 * spawns, embedded-database concurrency, a PostgreSQL cluster of their own stopped mid-run), and
 * the console's browser journeys (Debian Chromium through playwright-core, when it is installed).
 */
const { existsSync } = require('node:fs');

// Per-file transpiling (isolatedModules in tsconfig.spec.json): fast; `npm run typecheck` checks types.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.spec.json' }];
// The holiday package ships ES modules only: transpile its JavaScript to CommonJS for Jest.
const esmPackages = ['@hyunbinseo/holidays-kr'];
const esmTransform = {
  [`^.+/node_modules/(${esmPackages.join('|')})/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
};
const transformIgnorePatterns = [`/node_modules/(?!(${esmPackages.join('|')})/)`];
/** What every project shares: the app's TypeScript and the ES-module packages it imports. */
const typescript = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest, ...esmTransform },
  transformIgnorePatterns,
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The console imports the server's pure modules as @server/… (web/tsconfig.json, web/vite.config.ts).
  moduleNameMapper: { '^@server/(.*)$': '<rootDir>/src/$1' },
};
const CHROMIUM = '/usr/bin/chromium';

const projects = [
  {
    displayName: 'unit',
    ...typescript,
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts', '<rootDir>/web/src/**/*.spec.ts'],
  },
  {
    displayName: 'e2e',
    ...typescript,
    testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
    globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
    globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
  },
  {
    displayName: 'processes',
    ...typescript,
    testMatch: ['<rootDir>/test/processes/**/*.spec.ts'],
  },
];

if (existsSync(CHROMIUM)) {
  projects.push({
    displayName: 'browser',
    ...typescript,
    testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
    globalSetup: '<rootDir>/test/browser/support/global-setup.ts',
  });
} else {
  console.log(`skipped: chromium not installed (${CHROMIUM}), so the console's browser journeys did not run; apt-get install -y chromium fonts-noto-cjk`);
}

module.exports = {
  // Jest 30 reads testTimeout at the top level only (inside projects[] it is ignored and every
  // test gets 5 s, which a loaded CI machine exceeds).
  testTimeout: 60000,
  projects,
};
