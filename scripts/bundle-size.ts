// Reports the gzip size of what the console downloads for each build of the plugin (dist/ for
// consoles 4.22+, dist-4.19/ for 4.19–4.21): the entry, each exposed module's chunks, what
// opening each module really fetches, and all JavaScript. Exits 1 when a budget is exceeded.
// Run after `npm run build`; `npm run size -- 4.19` reports one build.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONSOLE_BUILDS, type ConsoleBuild } from './console-builds';
import { pageRequests } from './page-requests';

const KB = 1024;
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

async function report(build: ConsoleBuild): Promise<string[]> {
  const dist = resolve(__dirname, '..', build.outDir);
  if (!existsSync(dist)) return [`${build.outDir}/ is missing: run "npm run build" first.`];
  const files = readdirSync(dist).filter((f) => f.endsWith('.js'));
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  const entry = files.find((f) => f.startsWith('plugin-entry'));
  if (!entry) return [`No plugin-entry file in ${build.outDir}/: run "npm run build" first.`];
  const exposed = files.filter((f) => f.startsWith('exposed-'));
  const { budget } = build;
  const over: string[] = [];

  console.log(`\n${build.outDir}/ (consoles ${build.consoles}, ${build.pluginAPI})`);
  const entrySize = gz(entry);
  console.log(`  plugin-entry (gzip):          ${kb(entrySize)} (budget ${kb(budget.entry)})`);
  if (entrySize > budget.entry) over.push(`${build.outDir}: entry ${kb(entrySize)}`);
  for (const f of exposed) console.log(`  ${f.replace(/-chunk.*/, '')} (gzip): ${kb(gz(f))}`);
  console.log(`  all JavaScript (gzip):        ${kb(files.reduce((sum, f) => sum + gz(f), 0))}`);

  // What the console really fetches to open each exposed module: the entry, the module's
  // chunks, and every shared-module fallback they pull in (see page-requests.ts).
  for (const f of exposed) {
    const module = f.replace(/^exposed-/, '').replace(/-chunk.*/, '');
    const fetched = await pageRequests(dist, entry, module, build.id);
    const total = fetched.reduce((sum, file) => sum + gz(file), 0);
    const limit = module === 'ClearMLPage' ? budget.pageOpen : undefined;
    console.log(
      `  ${module} on open: ${fetched.length} files, ${kb(total)} (gzip)` +
        (limit ? ` (budget ${kb(limit)})` : ''),
    );
    if (module === 'ClearMLPage') {
      for (const file of fetched) console.log(`    ${kb(gz(file)).padStart(9)}  ${file}`);
    }
    if (limit && total > limit) over.push(`${build.outDir}: ${module} on open ${kb(total)}`);
  }
  return over;
}

void (async () => {
  const ids = process.argv.slice(2);
  const builds = CONSOLE_BUILDS.filter((b) => ids.length === 0 || ids.includes(b.id));
  const problems = [];
  for (const build of builds) problems.push(...(await report(build)));
  if (problems.length > 0) {
    console.error(`\nOver budget or missing:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
})();
