import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { render } from './render/render';
import { defaultValues } from './test-helpers';
import { SECRET_MASK, toYaml } from './yaml';

describe('YAML export', async () => {
  const objects = await render(defaultValues());

  it('writes one document per object in a stable order', () => {
    const yaml = toYaml(objects);
    const docs = parseAllDocuments(yaml).map(
      (d) => d.toJS() as { kind: string; metadata: { name: string } },
    );
    expect(docs).toHaveLength(objects.length);
    expect(toYaml([...objects].reverse())).toBe(yaml);
    expect(docs[0].kind).toBe('ServiceAccount');
    expect(docs.at(-1)?.kind).toBe('Route');
  });

  it('masks Secret values unless asked', () => {
    const secret = objects.find((o) => o.kind === 'Secret') as unknown as {
      data: Record<string, string>;
    };
    const masked = toYaml(objects);
    for (const value of Object.values(secret.data)) {
      expect(masked).not.toContain(value);
      expect(toYaml(objects, { showSecrets: true })).toContain(value);
    }
    expect(masked).toContain(SECRET_MASK);
  });

  it('does not change the objects it exports', () => {
    const before = JSON.stringify(objects);
    toYaml(objects);
    expect(JSON.stringify(objects)).toBe(before);
  });

  it('quotes strings that YAML 1.1 readers such as kubectl would take for booleans', async () => {
    const yaml = toYaml(objects);
    expect(yaml).toMatch(/- --appendonly\n\s+- "yes"/);
    expect(yaml).not.toMatch(/value: (yes|no|on|off|true|false)$/m);
  });
});
