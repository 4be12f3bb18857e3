/**
 * Median time to validate + render + plan the default values and a 100-instance batch, with
 * JSON round-tripping of the same objects as an in-run reference.
 */
import { performance } from 'node:perf_hooks';
import { parseValues, planScc, render, type K8sObject } from '../src/engine';

const RUNS = 30;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function pipeline(input: unknown): Promise<K8sObject[]> {
  const parsed = parseValues(input);
  if (!parsed.ok) {
    throw new Error('benchmark values are invalid');
  }
  const objects = await render(parsed.values);
  planScc(objects, { mode: parsed.values.security.mode });
  return objects;
}

async function measure(label: string, inputs: unknown[]): Promise<void> {
  let objects: K8sObject[] = [];
  const times: number[] = [];
  const refTimes: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    const batch: K8sObject[] = [];
    for (const input of inputs) {
      batch.push(...(await pipeline(input)));
    }
    times.push(performance.now() - start);
    objects = batch;
    const refStart = performance.now();
    JSON.parse(JSON.stringify(objects));
    refTimes.push(performance.now() - refStart);
  }
  const m = median(times);
  const ref = median(refTimes);
  console.log(
    `${label}: ${objects.length} objects, median ${m.toFixed(2)} ms ` +
      `(reference JSON round-trip ${ref.toFixed(2)} ms, ratio ${(m / ref).toFixed(1)}x)`,
  );
}

async function main(): Promise<void> {
  await measure('defaults (1 instance)', [{}]);
  const batch = Array.from({ length: 100 }, (_, i) => ({
    name: `ml-${i}`,
    namespace: `team-${i % 10}`,
  }));
  await measure('batch (100 instances)', batch);
}

void main();
