import { describe, expect, it } from 'vitest';
import type { ClearMLValuesInput } from '../values';
import { isWorkload, type K8sObject, type K8sSecret } from '../k8s-types';
import { createValues, parseValues } from '../values';
import { decodeBase64 } from './base64';
import { hoconString, hoconValue } from './hocon';
import { render } from './render';
import { readSetting } from './testing/hocon-reader';

/** Values that break or get truncated as unquoted HOCON, or need escapes when quoted. */
const HOSTILE = [
  ...'+?!@*&=:#,{}[]"\\$`^'.split('').map((c) => `a${c}b`),
  'http://user:p@ss@host:27017/db?authSource=admin&x=1',
  'pass//word # not a comment',
  '${HOME} and $(PATH)',
  '  leading and trailing spaces  ',
  'two\nlines\r\nand\ttab',
  'ünïcödé 密码 🙂',
  '"quoted" \\"escaped\\"',
  'true',
  '42',
  'null',
  '',
  '\u2028\u2029',
];

const setting = (value: string) => readSetting(`secure.credentials.x: ${value}`).read;

describe('HOCON quoting of CLEARML__ values', () => {
  it.each(HOSTILE)('round-trips %j exactly as a quoted string', (value) => {
    expect(setting(hoconString(value))).toEqual({ value, quoted: true });
  });

  it('round-trips hostile strings inside lists and objects', () => {
    expect(setting(hoconValue(HOSTILE)).value).toEqual(HOSTILE);
    const users = [{ username: 'admin', password: HOSTILE.join(''), name: 'Ünï "x"' }];
    expect(setting(hoconValue(users)).value).toEqual(users);
  });

  it('the reader refuses what HOCON would truncate or concatenate', () => {
    for (const raw of ['http://host:8008', 'a+b', 'pass//word', 'two words', 'x#y', 'a=b']) {
      expect(() => setting(raw)).toThrow();
    }
  });
});

const SECRET_SAMPLE = 'AB+/=//cd~.-_0123456789abcdefghijklmnop';
const HOSTILE_MONGO = 'mongodb://u:p+a=s#w,o{r}d//!*&@db:27017/backend?x=$y&z=ü';

async function renderEnv(input: ClearMLValuesInput): Promise<{
  objects: K8sObject[];
  secret: Record<string, string>;
}> {
  const objects = await render(createValues(input));
  const s = objects.find((o): o is K8sSecret => o.kind === 'Secret');
  const secret = Object.fromEntries(
    Object.entries(s?.data ?? {}).map(([k, v]) => [k, decodeBase64(v) ?? '']),
  );
  return { objects, secret };
}

/** Every CLEARML__ variable of every container, as the server sees it after `$(…)` expansion. */
function settings(objects: K8sObject[], secret: Record<string, string>) {
  const out: { container: string; name: string; text: string }[] = [];
  for (const w of objects.filter(isWorkload)) {
    for (const c of w.spec.template.spec.containers) {
      const env = new Map<string, string>();
      for (const e of c.env ?? []) {
        const key = e.valueFrom?.secretKeyRef?.key;
        const raw = key !== undefined ? secret[key] : (e.value ?? '');
        const text = raw.replace(/\$\(([A-Z0-9_]+)\)/g, (ref, n: string) => env.get(n) ?? ref);
        env.set(e.name, text);
        if (e.name.startsWith('CLEARML__')) out.push({ container: c.name, name: e.name, text });
      }
    }
  }
  return out;
}

describe('rendered CLEARML__ variables', () => {
  const variants: [string, ClearMLValuesInput][] = [
    ['defaults', {}],
    ['chart-compatible', { security: { mode: 'chart-compatible' } }],
    [
      'hostile credentials and external stores',
      {
        credentials: { apiserver: { accessKey: 'A'.repeat(20), secretKey: SECRET_SAMPLE } },
        login: { password: 'p"w\\d $x //y #z ü', displayName: 'A {b} [c] "d"' },
        exposure: { hosts: { app: 'app.example.com' } },
        server: { cookieDomain: 'example.com' },
        components: {
          mongodb: {
            enabled: false,
            external: {
              backendConnectionString: HOSTILE_MONGO,
              authConnectionString: HOSTILE_MONGO,
            },
          },
          elasticsearch: {
            enabled: false,
            external: { hosts: ['https://es.example.com:9243/prefix', { host: 'es2' }] },
          },
        },
      },
    ],
    ['agents', { agents: [{ name: 'gpu-a100', queues: ['gpu'] }] }],
  ];

  it.each(variants)('parse completely, with every string quoted (%s)', async (_, input) => {
    const { objects, secret } = await renderEnv(input);
    const all = settings(objects, secret);
    expect(all.length).toBeGreaterThan(20);
    for (const s of all) {
      const { read } = readSetting(`${s.name.toLowerCase().replace(/__/g, '.')}: ${s.text}`);
      if (typeof read.value === 'string') {
        expect(read.quoted, `${s.container} ${s.name}=${s.text}`).toBe(true);
      }
    }
  });

  it('refuse MongoDB URLs with characters a URL must percent-encode', () => {
    for (const url of ['mongodb://u:p"w@db/x', 'mongodb://u:p\\w@db/x']) {
      const r = parseValues({
        components: {
          mongodb: {
            enabled: false,
            external: { backendConnectionString: url, authConnectionString: url },
          },
        },
      });
      expect(!r.ok && r.issues[0]).toMatchObject({
        path: 'components.mongodb.external.backendConnectionString',
        message: expect.stringContaining('%22'),
      });
    }
  });

  it('carry hostile secrets, passwords and URLs unchanged', async () => {
    const [, input] = variants[2];
    const { objects, secret } = await renderEnv(input);
    const value = (name: string) => {
      const s = settings(objects, secret).find((x) => x.name === name);
      return readSetting(`x: ${s?.text}`).read.value;
    };
    expect(value('CLEARML__secure__credentials__apiserver__user_secret')).toBe(SECRET_SAMPLE);
    expect(value('CLEARML__HOSTS__MONGO__BACKEND__HOST')).toBe(HOSTILE_MONGO);
    expect(value('CLEARML__APISERVER__AUTH__FIXED_USERS__USERS')).toEqual([
      { username: 'admin', password: 'p"w\\d $x //y #z ü', name: 'A {b} [c] "d"' },
    ]);
    expect(value('CLEARML__APISERVER__AUTH__COOKIES__DOMAIN')).toBe('.example.com');
    expect(value('CLEARML__HOSTS__ELASTIC__EVENTS__HOSTS')).toEqual([
      'https://es.example.com:9243/prefix',
      { host: 'es2', port: 9200, scheme: 'http' },
    ]);
    expect(value('CLEARML__services__async_urls_delete__fileserver__url_prefixes')).toEqual([
      'https://app.example.com/files',
      'http://clearml-fileserver:8081',
    ]);
  });
});
