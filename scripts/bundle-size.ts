// Reports the gzip size of what the console downloads for the plugin: the entry, the page's
// exposed chunk, and every JavaScript file (the worst case, when the console shares no
// PatternFly component with the plugin). Run after `npm run build`.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageRequests } from './page-requests';

const dist = resolve(__dirname, '..', process.argv[2] ?? 'dist');
const files = readdirSync(dist).filter((f) => f.endsWith('.js'));
const gz = (f: string) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const entry = files.find((f) => f.startsWith('plugin-entry'));
const exposed = files.filter((f) => f.startsWith('exposed-'));
if (!entry) {
  console.error(`No plugin-entry file in ${dist}: run "npm run build" first.`);
  process.exit(1);
}
console.log(`plugin-entry (gzip):         ${kb(gz(entry))}`);
for (const f of exposed) console.log(`${f.replace(/-chunk.*/, '')} (gzip): ${kb(gz(f))}`);

// The chunks the entry loads for each exposed module, before any shared-module fallback: what
// the page downloads when the console provides the PatternFly components (as it does).
const entryText = readFileSync(join(dist, entry), 'utf8');
for (const match of entryText.matchAll(
  /(\w+):\(\)=>(?:Promise\.all\(\[([^\]]*)\]\)|\w\.e\((\d+)\))/g,
)) {
  const ids = [...(match[2] ?? `e(${match[3]})`).matchAll(/e\((\d+)\)/g)].map((m) => m[1]);
  const chunkFiles = files.filter(
    (f) =>
      ids.some((id) => f.startsWith(`${id}-chunk-`)) || f.startsWith(`exposed-${match[1]}-chunk`),
  );
  const total = chunkFiles.reduce((sum, f) => sum + gz(f), 0);
  console.log(`${match[1]} page open (gzip):  ${kb(total)} in ${chunkFiles.length} files`);
}
console.log(`all JavaScript (gzip):       ${kb(files.reduce((sum, f) => sum + gz(f), 0))}`);

// What the console really fetches to open each exposed module: the entry, the module's chunks,
// and every shared-module fallback they pull in (counted by running the entry, see
// page-requests.ts).
void (async () => {
  for (const f of exposed) {
    const module = f.replace(/^exposed-/, '').replace(/-chunk.*/, '');
    const fetched = await pageRequests(dist, entry, module);
    const total = fetched.reduce((sum, file) => sum + gz(file), 0);
    console.log(`${module} requests on open:   ${fetched.length} files, ${kb(total)} (gzip)`);
  }
})();
