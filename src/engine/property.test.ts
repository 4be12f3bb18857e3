import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from './render/base64';
import { render } from './render/render';
import { isWorkload, type K8sObject, type K8sSecret } from './k8s-types';
import { DNS_LABEL_PATTERN, LABEL_VALUE_PATTERN } from './names';
import { parseQuantity } from './quantity';
import { parseValues } from './values';
import { toYaml } from './yaml';

/** Mostly valid, sometimes invalid: enough inputs reach the renderer, and enough are rejected. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: invalid });

const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,18}[a-z0-9]$/);
const text = fc.string({ maxLength: 70 });
const quantity = mostly(
  fc.constantFrom('100m', '1', '2', '250m', '512Mi', '1Gi', '4Gi'),
  fc.constantFrom('lots', '-1', '', '1.5.2'),
);
const size = mostly(
  fc.constantFrom('1Gi', '50Gi', '500Mi', '2Ti'),
  fc.constantFrom('0Gi', '10', 'x', ''),
);
const opt = { requiredKeys: [] as never[] };

const valuesInput = fc
  .record(
    {
      name: mostly(label, text),
      namespace: mostly(label, text),
      components: fc.record(
        {
          apiserver: fc.record({
            replicas: mostly(
              fc.integer({ min: 1, max: 4 }),
              fc.oneof(fc.integer({ min: -1, max: 12 }), fc.double()),
            ),
          }),
          fileserver: fc.record(
            {
              replicas: mostly(fc.constant(1), fc.integer({ min: 2, max: 3 })),
              enabled: fc.boolean(),
            },
            opt,
          ),
          webserver: fc.record(
            {
              enabled: fc.boolean(),
              replicas: mostly(fc.integer({ min: 1, max: 3 }), fc.constant(0)),
            },
            opt,
          ),
          asyncDelete: fc.record({ enabled: fc.boolean() }),
          elasticsearch: fc.record(
            {
              replicas: mostly(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 6, max: 9 })),
              heap: mostly(fc.constantFrom('512m', '1g'), fc.constantFrom('8g', '2GB')),
              allowMmap: fc.boolean(),
            },
            opt,
          ),
        },
        opt,
      ),
      storage: fc.record(
        {
          storageClass: mostly(label, fc.string({ maxLength: 10 })),
          fileserver: fc.record(
            {
              size,
              accessMode: mostly(
                fc.constantFrom('ReadWriteOnce', 'ReadWriteMany'),
                fc.constant('RWX'),
              ),
            },
            opt,
          ),
          elasticsearch: fc.record({ size }),
          redis: fc.record({ size }),
        },
        opt,
      ),
      resources: fc.record(
        {
          preset: mostly(fc.constantFrom('small', 'default', 'production'), fc.constant('giant')),
          apiserver: fc.record({ requests: fc.record({ cpu: quantity, memory: quantity }, opt) }),
        },
        opt,
      ),
      exposure: fc.record(
        {
          routes: fc.boolean(),
          hosts: fc.record(
            { app: mostly(fc.constantFrom('app.example.com', 'a.b'), fc.constant('bad host')) },
            opt,
          ),
        },
        opt,
      ),
      login: fc.record(
        {
          enabled: fc.boolean(),
          password: mostly(fc.string({ minLength: 8, maxLength: 20 }), fc.string({ maxLength: 7 })),
        },
        opt,
      ),
      security: fc.record({
        mode: mostly(fc.constantFrom('least-privilege', 'chart-compatible'), fc.constant('other')),
      }),
      extra: mostly(fc.constant(undefined), fc.anything()),
    },
    opt,
  )
  .map(({ extra, ...rest }) => (extra === undefined ? rest : { ...rest, extra }));

function quantitiesOf(obj: K8sObject): string[] {
  const out: string[] = [];
  const add = (r?: { cpu?: string; memory?: string }) =>
    r && out.push(...Object.values(r).filter((x): x is string => !!x));
  if (isWorkload(obj)) {
    for (const c of [
      ...(obj.spec.template.spec.initContainers ?? []),
      ...obj.spec.template.spec.containers,
    ]) {
      add(c.resources?.requests);
      add(c.resources?.limits);
    }
    if (obj.kind === 'StatefulSet') {
      out.push(
        ...(obj.spec.volumeClaimTemplates ?? []).map((t) => t.spec.resources.requests.storage),
      );
    }
  }
  if (obj.kind === 'PersistentVolumeClaim') {
    out.push(
      (obj as unknown as { spec: { resources: { requests: { storage: string } } } }).spec.resources
        .requests.storage,
    );
  }
  return out;
}

function checkObjects(objects: K8sObject[]): void {
  const seen = new Set<string>();
  for (const obj of objects) {
    const id = `${obj.kind}/${obj.metadata.name}`;
    expect(seen.has(id), `duplicate ${id}`).toBe(false);
    seen.add(id);
    expect(obj.metadata.name.length).toBeLessThanOrEqual(63);
    expect(obj.metadata.name).toMatch(DNS_LABEL_PATTERN);
    for (const value of Object.values(obj.metadata.labels ?? {})) {
      expect(value.length).toBeLessThanOrEqual(63);
      expect(value).toMatch(LABEL_VALUE_PATTERN);
    }
    if (obj.kind === 'StatefulSet') {
      expect(obj.metadata.name.length + 11).toBeLessThanOrEqual(63);
    }
    for (const q of quantitiesOf(obj)) {
      expect(parseQuantity(q), `quantity ${q} in ${id}`).toBeDefined();
    }
  }
}

describe('properties', () => {
  it('any input is either rejected field by field or renders valid objects', async () => {
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(valuesInput, async (input) => {
        const result = parseValues(input);
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) {
            expect(issue.message.length).toBeGreaterThan(0);
            const root = issue.path.split('.')[0];
            expect(root === '' || root in (input as object)).toBe(true);
          }
          return;
        }
        rendered += 1;
        const objects = await render(result.values);
        checkObjects(objects);
        const masked = toYaml(objects);
        const secret = objects.find((o) => o.kind === 'Secret') as K8sSecret;
        for (const value of Object.values(secret.data ?? {})) {
          expect(masked).not.toContain(value);
          const plain = decodeBase64(value) ?? '';
          if (plain.length >= 8) {
            expect(masked).not.toContain(plain);
          }
        }
      }),
      { numRuns: 200 },
    );
    expect(rendered).toBeGreaterThan(10);
  });

  it('parseValues never throws on arbitrary data', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = parseValues(input);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
