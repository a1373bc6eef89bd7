// Jest runs in ESM mode (NestJS 12 is ESM-only and Node 20 cannot require() it).
// SWC transpiles TypeScript per file, with decorator metadata; `tsc --noEmit` type-checks separately.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// One id per `jest` run: the first test file of a run rebuilds the migrated template database.
process.env.OCR_TEST_RUN_ID ??= `${Date.now()}-${process.pid}`;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];
// ESM-only leaf packages that CommonJS dependencies require(): Node 20.19 allows that, Jest's
// runtime on Node 20 does not, so Jest alone gets them transpiled to CommonJS.
const ESM_LEAVES_REQUIRED_FROM_CJS = ['content-disposition'];
const swcToCommonJs = ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }];

const common = {
  rootDir: root,
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': swc,
    [`node_modules/(${ESM_LEAVES_REQUIRED_FROM_CJS.join('|')})/.+\\.js$`]: swcToCommonJs,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_LEAVES_REQUIRED_FROM_CJS.join('|')})/)`],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
export default {
  rootDir: root,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,bench}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
    },
    // Reads the logs the other tiers wrote (TEST_LOG_DIR): run last by `npm test`.
    {
      ...common,
      displayName: 'log-gate',
      testMatch: ['<rootDir>/test/log-gate/**/*.gate-spec.ts'],
    },
    // Slow: private PostgreSQL/Redis restarted and workers killed. Run alone (`npm run test:faults`, in band)
    // and by `npm test` after the other tiers, never in parallel with them.
    {
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
    },
  ],
  reporters: ['default', '<rootDir>/config/jest-summary-reporter.js'],
  testTimeout: 60000,
};
