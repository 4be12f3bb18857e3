/**
 * What chart users set per component besides size: extra environment variables and where the
 * pods may be scheduled (nodeSelector, tolerations, affinity), in the shapes of the Kubernetes
 * API and of the clearml chart 7.14 (`<component>.extraEnvs`, `nodeSelector`, `tolerations`,
 * `affinity` in clearml-helm-charts clearml-7.14.4 charts/clearml/values.yaml).
 */
import { z } from 'zod';
import { DNS_SUBDOMAIN_PATTERN, LABEL_VALUE_PATTERN } from '../names';
import { configPath, configPrefix, reservedEnvProblem, type ValuesComponent } from './reserved-env';

/** Kubernetes' classic environment variable name rule (C identifier plus `-` and `.`). */
const ENV_NAME_PATTERN = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
/** Text without control characters other than tab and newline. */
const plainText = (text: string) => /^[\t\n\r\P{Cc}]*$/u.test(text);

export const MAX_ENV_VALUE_LENGTH = 32 * 1024;
export const MAX_CONFIG_FILE_LENGTH = 256 * 1024;

const envValue = z.union(
  [
    z
      .string()
      .max(MAX_ENV_VALUE_LENGTH, `value must be at most ${MAX_ENV_VALUE_LENGTH} characters`)
      .refine(plainText, 'value must not contain control characters other than tab and newline'),
    z.number(),
    z.boolean(),
    z.array(z.json()),
    z.record(z.string(), z.json()),
  ],
  { error: 'value must be text, a number, true/false, a list or an object' },
);

export const extraEnvEntry = z.strictObject({
  name: z
    .string()
    .min(1, 'name must not be empty')
    .max(256, 'name must be at most 256 characters')
    .regex(
      ENV_NAME_PATTERN,
      'name must be letters, digits, _, - and ., and must not start with a digit',
    ),
  value: envValue.meta({
    description:
      'Text is passed as is (no $(VAR) expansion); for CLEARML__* (and WEBSERVER__* on the web UI) text is quoted, and numbers, true/false, lists and objects keep their type.',
  }),
});

/**
 * A component's `extraEnv`: names the renderer sets are refused (reserved-env.ts), a name may
 * appear once, and only configuration names (`CLEARML__*`, `WEBSERVER__*` on the web UI) take
 * lists or objects.
 */
export const extraEnv = (component: ValuesComponent) =>
  z
    .array(extraEnvEntry, { error: 'extraEnv must be a list of {name, value} entries' })
    .max(100, 'extraEnv may have at most 100 entries')
    .superRefine((entries, ctx) => {
      const seen = new Set<string>();
      entries.forEach((entry, i) => {
        const add = (message: string) =>
          ctx.addIssue({ code: 'custom', path: [i, 'name'], message });
        const reserved = reservedEnvProblem(component, entry.name);
        if (reserved) {
          add(reserved);
        } else if (seen.has(entry.name)) {
          add(`${entry.name} is set twice`);
        } else if (
          typeof entry.value === 'object' &&
          configPath(component, entry.name) === undefined
        ) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'value'],
            message: `only ${configPrefix(component) ?? 'configuration'} settings take a list or an object; write the value as text`,
          });
        }
        seen.add(entry.name);
      });
    })
    .optional()
    .meta({
      description:
        'Extra environment variables of the main container. Names the plugin sets itself are refused. Visible in the workload and the install record: no secrets.',
    });

/** A label key: an optional DNS subdomain prefix and `/`, then a name of at most 63 characters. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN_PATTERN.test(prefix))) {
    return `label key prefix of ${JSON.stringify(key)} must be a lower-case DNS name such as node-role.kubernetes.io`;
  }
  if (!name || name.length > 63 || !/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(name)) {
    return `label key ${JSON.stringify(key)} must be up to 63 letters, digits, -, _ or ., starting and ending with a letter or digit`;
  }
  return undefined;
}

const labelValueProblem = (value: string): string | undefined =>
  value.length <= 63 && LABEL_VALUE_PATTERN.test(value)
    ? undefined
    : 'label value must be up to 63 letters, digits, -, _ or ., starting and ending with a letter or digit';

export const nodeSelector = z
  .record(z.string(), z.string({ error: 'each node selector value must be text' }), {
    error: 'nodeSelector must be a map of node label to value',
  })
  .superRefine((map, ctx) => {
    for (const [key, value] of Object.entries(map)) {
      const problem = labelKeyProblem(key) ?? labelValueProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem });
    }
  })
  .optional()
  .meta({
    description: 'Node labels the pods must run on, e.g. node-role.kubernetes.io/infra: ""',
  });

export const toleration = z
  .strictObject({
    key: z.string().optional(),
    operator: z.enum(['Exists', 'Equal'], { error: 'operator must be Exists or Equal' }).optional(),
    value: z.string().optional(),
    effect: z
      .enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute'], {
        error: 'effect must be NoSchedule, PreferNoSchedule or NoExecute',
      })
      .optional(),
    tolerationSeconds: z.int('tolerationSeconds must be a whole number').optional(),
  })
  .superRefine((t, ctx) => {
    // The rules of Kubernetes' validateTolerations (pkg/apis/core/validation/validation.go).
    const add = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (t.key) {
      const problem = labelKeyProblem(t.key);
      if (problem) add('key', problem);
    } else if (t.operator !== 'Exists') {
      add('key', 'a toleration without a key must use operator Exists');
    }
    if (t.operator === 'Exists' && t.value) {
      add('value', 'a toleration with operator Exists must not have a value');
    } else if (t.value) {
      const problem = labelValueProblem(t.value);
      if (problem) add('value', problem);
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      add('tolerationSeconds', 'tolerationSeconds needs effect NoExecute');
    }
  });

export const tolerations = z
  .array(toleration, { error: 'tolerations must be a list of {key, operator, value, effect}' })
  .max(50, 'tolerations may have at most 50 entries')
  .optional()
  .meta({ description: 'Taints the pods tolerate, as in a pod spec.' });

const term = z.record(z.string(), z.unknown(), { error: 'each term must be an object' });
const weighted = (inner: string) =>
  z.strictObject({
    weight: z
      .int('weight must be a whole number')
      .min(1, 'weight must be between 1 and 100')
      .max(100, 'weight must be between 1 and 100'),
    [inner]: term,
  });
const podAffinity = z.strictObject({
  requiredDuringSchedulingIgnoredDuringExecution: z.array(term).optional(),
  preferredDuringSchedulingIgnoredDuringExecution: z.array(weighted('podAffinityTerm')).optional(),
});

/** The pod's `affinity`, checked to its second level and passed through unchanged. */
export const affinity = z
  .strictObject(
    {
      nodeAffinity: z
        .strictObject({
          requiredDuringSchedulingIgnoredDuringExecution: z
            .strictObject({
              nodeSelectorTerms: z
                .array(term)
                .min(1, 'nodeSelectorTerms must list at least one term'),
            })
            .optional(),
          preferredDuringSchedulingIgnoredDuringExecution: z
            .array(weighted('preference'))
            .optional(),
        })
        .optional(),
      podAffinity: podAffinity.optional(),
      podAntiAffinity: podAffinity.optional(),
    },
    { error: 'affinity must be an object with nodeAffinity, podAffinity or podAntiAffinity' },
  )
  .optional()
  .meta({ description: 'The pods’ affinity, as in a pod spec.' });

/** The fields every component takes. */
export const componentFields = (component: ValuesComponent) => ({
  extraEnv: extraEnv(component),
  nodeSelector,
  tolerations,
  affinity,
});

/** ConfigMap keys of the API server's extra config files: `<name>.conf`, read by the server. */
const CONFIG_FILE_NAME = /^[A-Za-z0-9_-]{1,64}\.conf$/;

export const extraConfig = z
  .record(z.string(), z.string({ error: 'each config file must be HOCON text' }), {
    error: 'extraConfig must be a map of file name to HOCON text',
  })
  .superRefine((files, ctx) => {
    const entries = Object.entries(files);
    if (entries.length > 32) {
      ctx.addIssue({ code: 'custom', message: 'extraConfig may have at most 32 files' });
    }
    for (const [name, text] of entries) {
      const add = (message: string) => ctx.addIssue({ code: 'custom', path: [name], message });
      if (!CONFIG_FILE_NAME.test(name)) {
        add('file name must be letters, digits, _ or - followed by .conf, such as services.conf');
      } else if (text.length > MAX_CONFIG_FILE_LENGTH) {
        add(`config file must be at most ${MAX_CONFIG_FILE_LENGTH / 1024} KiB`);
      } else if (!plainText(text)) {
        add('config file must not contain control characters other than tab and newline');
      }
    }
  })
  .optional()
  .meta({
    description:
      'Extra server config files (name.conf → HOCON), mounted in /opt/clearml/config of the API server and async delete. CLEARML__ settings the plugin sets win over them. A ConfigMap: no secrets.',
  });

/** Keys of configuration.json the renderer sets through `WEBSERVER__*` (see webserver.ts). */
export const WEBSERVER_OWN_KEYS = [
  'apiBaseUrl',
  'useFilesProxy',
  'fileBaseUrl',
  'displayedServerUrls',
];

export const webConfiguration = z
  .record(z.string(), z.json(), { error: 'configuration must be a JSON object' })
  .superRefine((config, ctx) => {
    for (const key of Object.keys(config)) {
      const own = WEBSERVER_OWN_KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
      if (own) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${own} is set by the plugin so that the web UI finds its API and files through the Routes`,
        });
      }
    }
    if (JSON.stringify(config).length > MAX_CONFIG_FILE_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        message: `configuration must be at most ${MAX_CONFIG_FILE_LENGTH / 1024} KiB as JSON`,
      });
    }
  })
  .optional()
  .meta({
    description:
      "The web UI's configuration.json (a JSON object), mounted where the webserver image reads it.",
  });
