// Reports the gzip size of what the console downloads for the plugin: the entry, the page's
// exposed chunk, and every JavaScript file (the worst case, when the console shares no
// PatternFly component with the plugin). Run after `npm run build`.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

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
console.log(`all JavaScript (gzip):       ${kb(files.reduce((sum, f) => sum + gz(f), 0))}`);
