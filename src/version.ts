// The release version, in a module of its own so the watch's build_info metric can name it
// without importing the CLI. test/e2e/version.test.ts keeps it equal to package.json's.
export const VERSION = '0.1.0';
