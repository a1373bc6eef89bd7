// Adds lockfile entries for platform-specific optional packages that this machine's registry does
// not serve (e.g. @swc/core-darwin-arm64). npm leaves them out of package-lock.json, and `npm ci`
// then refuses the lockfile as out of sync. Each entry carries the os/cpu its name implies, so npm
// skips it on other platforms without fetching it. Run after any `npm install`:
//   node config/repair-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openbsd', 'sunos', 'aix', 'wasm32', 'netbsd'];
const CPU = ['x64', 'arm64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = OS.find((o) => parts.includes(o)) ?? (parts.includes('win32') ? 'win32' : undefined);
  let cpu = CPU.find((c) => parts.includes(c));
  if (!cpu && parts.some((p) => p.startsWith('arm'))) cpu = parts.includes('arm64') ? 'arm64' : 'arm';
  if (!cpu && parts.includes('eabi')) cpu = 'arm';
  return { os, cpu };
}

let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [dep, range] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = `${key ? `${key}/` : ''}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    const { os, cpu } = platformOf(dep);
    if (!os && !cpu) continue;
    lock.packages[hoisted] = {
      version: String(range).replace(/^[\^~=]/, ''),
      ...(pkg.dev ? { dev: true } : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`repair-lockfile: added ${added} platform entries`);
