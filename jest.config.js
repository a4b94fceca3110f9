// Nest 12 ships as ES modules, so Jest runs in its native ESM mode
// (package.json starts it with --experimental-vm-modules); @swc/jest strips
// types and keeps decorator metadata, type-checking is left to `npm run build`.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  roots: ['<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  testTimeout: 30000,
  setupFiles: ['<rootDir>/test/support/jest.setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/support/remove-temp-data-dirs.ts'],
};
