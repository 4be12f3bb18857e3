import { describe, expect, it } from 'vitest';
import { isWorkload, type Container, type K8sObject } from './k8s-types';
import { render } from './render/render';
import { UPSTREAM_FACTS, type UpstreamFact } from './upstream-facts';
import { agentPreset, createValues } from './values';

function containerOf(objects: K8sObject[], component: string): Container {
  const w = objects
    .filter(isWorkload)
    .find((o) => o.metadata.labels?.['app.kubernetes.io/component'] === component);
  if (!w) throw new Error(`no workload for ${component}`);
  return w.spec.template.spec.containers[0];
}

/** The value a fact's field selects, as the process would see it. */
function fieldOf(c: Container, field: string): string | undefined {
  const [kind, name] = field.split(/:(.*)/s);
  if (kind === 'args') return JSON.stringify(c.args);
  if (kind === 'image') return c.image;
  if (kind === 'command') return JSON.stringify(c.command);
  if (kind === 'port') return String(c.ports?.find((p) => p.name === name)?.containerPort);
  if (kind === 'mount') return c.volumeMounts?.find((m) => m.name === name)?.mountPath;
  const env = new Map<string, string>();
  for (const e of c.env ?? []) {
    const key = e.valueFrom?.secretKeyRef?.key;
    const raw = key ? `secret:${key}` : (e.value ?? '');
    env.set(
      e.name,
      raw.replace(/\$\(([A-Z0-9_]+)\)/g, (ref, n: string) => env.get(n) ?? ref),
    );
  }
  return env.get(name);
}

const versions = [...new Set(UPSTREAM_FACTS.flatMap((f) => f.versions))];
const modes = ['least-privilege', 'chart-compatible'] as const;

describe.each(versions)('upstream facts, server %s', (version) => {
  it.each(modes)('hold for the rendered objects in %s mode', async (mode) => {
    const objects = await render(
      createValues({
        server: { version },
        security: { mode },
        agents: [agentPreset('cpu', 'cpu')],
      }),
    );
    const facts = UPSTREAM_FACTS.filter((f) => f.versions.includes(version));
    const check = (f: UpstreamFact) => {
      const actual = fieldOf(containerOf(objects, f.component), f.field);
      const message = `${f.component} ${f.field} (${f.source})`;
      if (typeof f.expected === 'string') expect(actual, message).toBe(f.expected);
      else expect(actual, message).toMatch(f.expected);
    };
    facts.forEach(check);
    expect(facts.length).toBeGreaterThan(10);
  });
});

it('every fact names its upstream source and a version', () => {
  for (const f of UPSTREAM_FACTS) {
    expect(f.source).toMatch(/\S+\/\S+ v?\d|\.(py|ya?ml|conf|ts)/);
    expect(f.versions.length).toBeGreaterThan(0);
  }
});
