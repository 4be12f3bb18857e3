/**
 * Property-based fuzzing of the values reader and the CLI with generated hostile input: the reader
 * (pure) takes the most inputs; the CLI runs in-process (the real file reader and commands, output
 * captured) on fewer, and the bundled CLI as a child process with a capped heap on fewer still.
 * `FUZZ_READER_RUNS`, `FUZZ_CLI_RUNS` and `FUZZ_CHILD_RUNS` set the counts (`npm run fuzz` runs
 * bigger ones); `FUZZ_SEED` replays a run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { readValuesSource } from '../engine/values';
import { anything, garbage, type FuzzInput } from './fuzz-inputs';
import { buildCli, expectCleanOutput, runBundle, runInProcess, type CliRun } from './test-cli';

const READER_RUNS = Number(process.env.FUZZ_READER_RUNS ?? 10_000);
const RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 2_000);
const CHILD_RUNS = Number(process.env.FUZZ_CHILD_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const MiB = 2 ** 20;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const dir = mkdtempSync(join(tmpdir(), 'clearml-fuzz-'));

interface Failure {
  kind: string;
  args: string[];
  problem: string;
  run?: CliRun;
}

/** What one CLI run on one input must satisfy; returns the problem, or undefined. */
function check(input: FuzzInput, command: string, run: CliRun): string | undefined {
  try {
    expectCleanOutput(run);
  } catch (err) {
    return (err as Error).message.slice(0, 200);
  }
  const allowed = input.garbage ? [2] : command === 'render' ? [0, 2] : [2, 4];
  if (!allowed.includes(run.code ?? -1)) {
    return input.garbage && run.code === 0 ? 'exit 0 on garbage' : `exit ${run.code}`;
  }
  if (run.code === 2 && (run.stdout !== '' || run.stderr === '')) {
    return 'refused without a message, or with output';
  }
  return undefined;
}

/** Garbage and arbitrary input, 2:1, from one seed. */
function inputs(count: number, seed: number): FuzzInput[] {
  const garbageCount = Math.ceil((count * 2) / 3);
  return [
    ...fc.sample(garbage, { numRuns: garbageCount, seed }),
    ...fc.sample(anything, { numRuns: count - garbageCount, seed: seed + 1 }),
  ];
}

describe('fuzzing the values reader and the CLI with hostile input', () => {
  it(`values reader: ${READER_RUNS} inputs, never throws, one-line messages without control characters`, async () => {
    let refused = 0;
    const started = performance.now();
    for (const [i, input] of inputs(READER_RUNS, SEED + 7).entries()) {
      // Let the test runner's messages through now and then.
      if (i % 250 === 0) await new Promise((resolve) => setImmediate(resolve));
      const result = readValuesSource(input.bytes);
      if (result.ok) continue;
      refused++;
      expect(result.message).not.toMatch(/[\n\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
    }
    console.log(
      `fuzz values reader: ${READER_RUNS} inputs (seed ${SEED + 7}) in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s, ${refused} refused, 0 threw`,
    );
    expect(refused).toBeGreaterThan(READER_RUNS / 2);
  }, 600_000);

  it(`CLI in-process: ${RUNS} inputs to render and preflight, 0 crashes, 0 exit 0 on garbage, bounded memory`, async () => {
    const path = join(dir, 'values.yaml');
    const failures: Failure[] = [];
    const kinds = new Map<string, number>();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    let maxRss = rssBefore;
    let slowest = 0;
    const started = performance.now();
    let index = 0;
    for (const input of inputs(RUNS, SEED)) {
      kinds.set(input.kind, (kinds.get(input.kind) ?? 0) + 1);
      writeFileSync(path, input.bytes);
      const command = index++ % 3 === 0 ? 'preflight' : 'render';
      const args =
        command === 'render'
          ? ['render', '-f', path]
          : ['preflight', '-f', path, '--kubeconfig', join(dir, 'no-kubeconfig')];
      const t0 = performance.now();
      let run: CliRun;
      try {
        run = await runInProcess(args);
      } catch (err) {
        failures.push({ kind: input.kind, args, problem: `threw ${String(err).slice(0, 200)}` });
        continue;
      }
      slowest = Math.max(slowest, performance.now() - t0);
      const problem = check(input, command, run);
      if (problem) failures.push({ kind: input.kind, args, problem, run });
      if (index % 100 === 0) maxRss = Math.max(maxRss, process.memoryUsage().rss);
    }
    gc();
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    maxRss = Math.max(maxRss, process.memoryUsage().rss);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `fuzz CLI in-process: ${RUNS} inputs (seed ${SEED}) in ${seconds.toFixed(1)} s, ` +
        `${failures.length} failures, slowest ${slowest.toFixed(0)} ms, ` +
        `max RSS ${(maxRss / MiB).toFixed(0)} MiB (start ${(rssBefore / MiB).toFixed(0)}), ` +
        `heap growth after GC ${(heapGrowth / MiB).toFixed(1)} MiB\n` +
        [...kinds].map(([k, n]) => `  ${k}: ${n}`).join('\n'),
    );
    expect(failures.slice(0, 5)).toEqual([]);
    expect(heapGrowth).toBeLessThan(64 * MiB);
    expect(maxRss - rssBefore).toBeLessThan(512 * MiB);
    expect(slowest).toBeLessThan(10_000);
  }, 1_800_000);

  describe('the bundled CLI as child processes', () => {
    let bundle: string;
    beforeAll(async () => {
      bundle = await buildCli(mkdtempSync(join(tmpdir(), 'clearml-fuzz-bundle-')));
    }, 120_000);

    it(`${CHILD_RUNS} garbage inputs on standard input with a 256 MiB heap: exit 2, no trace`, async () => {
      const failures: Failure[] = [];
      for (const [i, input] of fc
        .sample(garbage, { numRuns: CHILD_RUNS, seed: SEED + 3 })
        .entries()) {
        const args = [i % 2 ? 'preflight' : 'render', '-f', '-'];
        const run = await runBundle(bundle, args, { input: input.bytes, heapMb: 256 });
        const problem = run.signal ? `killed by ${run.signal}` : check(input, args[0], run);
        if (problem) failures.push({ kind: input.kind, args, problem, run });
      }
      expect(failures).toEqual([]);
    }, 1_200_000);
  });
});
