/**
 * What chart users set per component besides size: extra environment variables and where the
 * pods may be scheduled (nodeSelector, tolerations, affinity), in the shapes of the Kubernetes
 * API and of the clearml chart 7.14 (`<component>.extraEnvs`, `nodeSelector`, `tolerations`,
 * `affinity` in clearml-helm-charts clearml-7.14.4 charts/clearml/values.yaml).
 */
import { z } from 'zod';
import { DNS_SUBDOMAIN_PATTERN, LABEL_VALUE_PATTERN } from '../names';
import { type Message, msg } from '../messages/message';
import { configPath, configPrefix, reservedEnvProblem, type ValuesComponent } from './reserved-env';
import { addIssue, rule } from './rule-message';

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
      .max(MAX_ENV_VALUE_LENGTH, rule('values.env.value.tooLong', { max: MAX_ENV_VALUE_LENGTH }))
      .refine(plainText, rule('values.env.value.controls')),
    z.number(),
    z.boolean(),
    z.array(z.json()),
    z.record(z.string(), z.json()),
  ],
  { error: rule('values.env.value.type') },
);

export const extraEnvEntry = z.strictObject({
  name: z
    .string()
    .min(1, rule('values.env.name.empty'))
    .max(256, rule('values.env.name.tooLong'))
    .regex(ENV_NAME_PATTERN, rule('values.env.name.format')),
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
    .array(extraEnvEntry, { error: rule('values.env.list') })
    .max(100, rule('values.env.tooMany'))
    .superRefine((entries, ctx) => {
      const seen = new Set<string>();
      entries.forEach((entry, i) => {
        const reserved = reservedEnvProblem(component, entry.name);
        if (reserved) {
          addIssue(ctx, reserved, [i, 'name']);
        } else if (seen.has(entry.name)) {
          addIssue(ctx, msg('values.env.twice', { name: entry.name }), [i, 'name']);
        } else if (
          typeof entry.value === 'object' &&
          configPath(component, entry.name) === undefined
        ) {
          const prefix = configPrefix(component) ?? msg('values.env.configuration');
          addIssue(ctx, msg('values.env.onlyConfigTakesObjects', { prefix }), [i, 'value']);
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
export function labelKeyProblem(key: string): Message | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN_PATTERN.test(prefix))) {
    return msg('values.label.keyPrefix', { key: JSON.stringify(key) });
  }
  if (!name || name.length > 63 || !/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(name)) {
    return msg('values.label.key', { key: JSON.stringify(key) });
  }
  return undefined;
}

const labelValueProblem = (value: string): Message | undefined =>
  value.length <= 63 && LABEL_VALUE_PATTERN.test(value) ? undefined : msg('values.label.value');

export const nodeSelector = z
  .record(z.string(), z.string({ error: rule('values.nodeSelector.value') }), {
    error: rule('values.nodeSelector.map'),
  })
  .superRefine((map, ctx) => {
    for (const [key, value] of Object.entries(map)) {
      const problem = labelKeyProblem(key) ?? labelValueProblem(value);
      if (problem) addIssue(ctx, problem, [key]);
    }
  })
  .optional()
  .meta({
    description: 'Node labels the pods must run on, e.g. node-role.kubernetes.io/infra: ""',
  });

export const toleration = z
  .strictObject({
    key: z.string().optional(),
    operator: z.enum(['Exists', 'Equal'], { error: rule('values.toleration.operator') }).optional(),
    value: z.string().optional(),
    effect: z
      .enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute'], {
        error: rule('values.toleration.effect'),
      })
      .optional(),
    tolerationSeconds: z.int(rule('values.toleration.seconds')).optional(),
  })
  .superRefine((t, ctx) => {
    // The rules of Kubernetes' validateTolerations (pkg/apis/core/validation/validation.go).
    const add = (path: string, m: Message) => addIssue(ctx, m, [path]);
    if (t.key) {
      const problem = labelKeyProblem(t.key);
      if (problem) add('key', problem);
    } else if (t.operator !== 'Exists') {
      add('key', msg('values.toleration.noKey'));
    }
    if (t.operator === 'Exists' && t.value) {
      add('value', msg('values.toleration.existsValue'));
    } else if (t.value) {
      const problem = labelValueProblem(t.value);
      if (problem) add('value', problem);
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      add('tolerationSeconds', msg('values.toleration.secondsEffect'));
    }
  });

export const tolerations = z
  .array(toleration, { error: rule('values.tolerations.list') })
  .max(50, rule('values.tolerations.tooMany'))
  .optional()
  .meta({ description: 'Taints the pods tolerate, as in a pod spec.' });

const term = z.record(z.string(), z.unknown(), { error: rule('values.affinity.term') });
const weighted = (inner: string) =>
  z.strictObject({
    weight: z
      .int(rule('values.affinity.weightWhole'))
      .min(1, rule('values.affinity.weight'))
      .max(100, rule('values.affinity.weight')),
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
              nodeSelectorTerms: z.array(term).min(1, rule('values.affinity.terms')),
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
    { error: rule('values.affinity.object') },
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
  .record(z.string(), z.string({ error: rule('values.config.text') }), {
    error: rule('values.config.map'),
  })
  .superRefine((files, ctx) => {
    const entries = Object.entries(files);
    if (entries.length > 32) {
      addIssue(ctx, msg('values.config.tooMany'));
    }
    for (const [name, text] of entries) {
      const add = (m: Message) => addIssue(ctx, m, [name]);
      if (!CONFIG_FILE_NAME.test(name)) {
        add(msg('values.config.fileName'));
      } else if (text.length > MAX_CONFIG_FILE_LENGTH) {
        add(msg('values.config.tooLong', { max: MAX_CONFIG_FILE_LENGTH / 1024 }));
      } else if (!plainText(text)) {
        add(msg('values.config.controls'));
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
  .record(z.string(), z.json(), { error: rule('values.web.object') })
  .superRefine((config, ctx) => {
    for (const key of Object.keys(config)) {
      const own = WEBSERVER_OWN_KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
      if (own) {
        addIssue(ctx, msg('values.web.own', { key: own }), [key]);
      }
    }
    if (JSON.stringify(config).length > MAX_CONFIG_FILE_LENGTH) {
      addIssue(ctx, msg('values.web.tooLong', { max: MAX_CONFIG_FILE_LENGTH / 1024 }));
    }
  })
  .optional()
  .meta({
    description:
      "The web UI's configuration.json (a JSON object), mounted where the webserver image reads it.",
  });
