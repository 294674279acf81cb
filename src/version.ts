// The release version, in a module of its own so the watch's build_info metric can name it
// without importing the CLI. Its one source is package.json: this module runs from src/ and dist/
// (one level below the package root) or from the bundle in dist/bundle/ and its chunks/ (two or three).
import { createRequire } from 'node:module';

function packageVersion(): string {
  const require = createRequire(import.meta.url);
  for (const path of ['../package.json', '../../package.json', '../../../package.json']) {
    try {
      const pkg = require(path) as { name?: string; version?: string };
      if (pkg.name === 'balance-inspector' && pkg.version) return pkg.version;
    } catch {
      // not at this level; try the next
    }
  }
  return '0.0.0-unknown';
}

export const VERSION = packageVersion();
