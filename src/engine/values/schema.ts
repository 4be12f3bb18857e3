import { z } from 'zod';
import { JAVA_HEAP_PATTERN } from '../quantity';
import {
  DNS_LABEL_PATTERN,
  DNS_SUBDOMAIN_PATTERN,
  MAX_DNS_LABEL_LENGTH,
  MAX_DNS_SUBDOMAIN_LENGTH,
  MAX_INSTANCE_NAME_LENGTH,
} from '../names';
import { agents } from './agents';
import { componentFields, extraConfig, webConfiguration } from './component-fields';
import { elasticHosts } from './elastic-hosts';
import { DEFAULT_SERVER_VERSION, SERVER_VERSIONS } from './images';
import { isReservedNamespace, MAX_VOLUME_BYTES, quantityWithin } from './limits';
import { PRESET_NAMES } from './presets';
import { resourceOverride } from './quantity-field';
import { rule, what as field } from './rule-message';
import type { Message } from '../messages/message';

const dnsLabel = (what: Message, max: number) =>
  z
    .string()
    .min(1, rule('values.dns.empty', { what }))
    .max(max, rule('values.dns.tooLong', { what, max }))
    .regex(DNS_LABEL_PATTERN, rule('values.dns.label', { what }));

const dnsSubdomain = (what: Message) =>
  z
    .string()
    .max(
      MAX_DNS_SUBDOMAIN_LENGTH,
      rule('values.dns.tooLong', { what, max: MAX_DNS_SUBDOMAIN_LENGTH }),
    )
    .regex(DNS_SUBDOMAIN_PATTERN, rule('values.dns.subdomain', { what }))
    .refine((v) => v.split('.').every((part) => part.length <= MAX_DNS_LABEL_LENGTH), {
      message: rule('values.dns.part', { what, max: MAX_DNS_LABEL_LENGTH }),
    });

const duration = z.string().regex(/^[1-9]\d{0,5}(ms|s|m|h)$/, rule('values.duration'));

/**
 * A MongoDB connection string. `"` and `\` are not URI characters (RFC 3986; the MongoDB URI
 * format wants them percent-encoded), and refusing them lets the URL be passed as a quoted HOCON
 * string (see render/hocon.ts).
 */
const mongoUrl = z
  .string()
  .regex(/^mongodb(\+srv)?:\/\/\S+$/, rule('values.mongo.url'))
  .regex(/^[^"\\\p{Cc}]*$/u, rule('values.mongo.escape'));

const storageSize = z
  .string()
  .regex(/^[1-9]\d{0,5}(Mi|Gi|Ti|M|G|T)$/, rule('values.size.format'))
  .refine(
    (v) => quantityWithin(v, MAX_VOLUME_BYTES),
    rule('values.size.max', { max: MAX_VOLUME_BYTES / 2 ** 40 }),
  );

/** An image override: any field left out comes from the release chosen in `server.version`. */
const image = z
  .strictObject({
    registry: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:\d{1,5})?$/, rule('values.image.registry'))
      .optional(),
    repository: z
      .string()
      .regex(
        /^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/,
        rule('values.image.repository'),
      )
      .optional(),
    tag: z
      .string()
      .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, rule('values.image.tag'))
      .optional(),
  })
  .optional();

const replicas = (max: number) =>
  z
    .int(rule('values.replicas.whole'))
    .min(1, rule('values.replicas.min'))
    .max(max, rule('values.replicas.max', { max }))
    .default(1);

const accessKey = z.string().regex(/^[A-Z0-9]{20,30}$/, rule('values.accessKey'));
const secretValue = z.string().regex(/^[A-Za-z0-9_\-.~+/=]{32,128}$/, rule('values.secret'));
const keyPair = z.strictObject({ accessKey, secretKey: secretValue }).optional();

/** Highest UID Kubernetes accepts in `runAsUser` (int32). */
export const MAX_OWNER_UID = 2147483647;

/**
 * A PersistentVolumeClaim that already exists in the namespace (e.g. left by the upstream Helm
 * chart): the store mounts it instead of a claim of its own, and this instance never deletes or
 * changes it.
 */
const existingClaim = z
  .strictObject({
    name: dnsSubdomain(field('values.what.claimName')),
    ownerUid: z
      .int(rule('values.ownerUid.whole'))
      .min(0, rule('values.ownerUid.range', { max: MAX_OWNER_UID }))
      .max(MAX_OWNER_UID, rule('values.ownerUid.range', { max: MAX_OWNER_UID }))
      .optional()
      .meta({
        description:
          "UID that owns the files on the claim; the store's pod then runs as that UID (and group) so it can write them, which may need the nonroot-v2 SCC (anyuid for 0).",
      }),
  })
  .optional()
  .meta({
    description:
      'Existing PersistentVolumeClaim to mount as this data volume instead of creating one; size, storageClass and accessMode are then ignored, and the claim is never deleted or changed.',
  });

const volume = (size: string) =>
  z
    .strictObject({
      size: storageSize.default(size),
      storageClass: dnsSubdomain(field('values.what.storageClass')).optional(),
      existingClaim,
    })
    .prefault({});

/** The values schema without cross-field rules (see `valuesSchema` in parse.ts). */
export const baseValuesSchema = z.strictObject({
  name: dnsLabel(field('values.what.instanceName'), MAX_INSTANCE_NAME_LENGTH)
    .default('clearml')
    .meta({ description: 'Instance name; every object is called <name>-<component>.' }),
  namespace: dnsLabel(field('values.what.namespace'), MAX_DNS_LABEL_LENGTH)
    .min(2, rule('values.namespace.short'))
    .refine((v) => !isReservedNamespace(v), rule('values.namespace.reserved'))
    .default('clearml'),
  images: z
    .strictObject({
      pullPolicy: z.enum(['IfNotPresent', 'Always', 'Never']).default('IfNotPresent'),
      pullSecret: dnsSubdomain(field('values.what.pullSecret'))
        .optional()
        .meta({ description: 'Existing image pull Secret used by every pod.' }),
      apiserver: image,
      fileserver: image,
      webserver: image,
      mongodb: image,
      redis: image,
      elasticsearch: image,
      agent: image.meta({
        description:
          "The agents' glue image (default docker.io/allegroai/clearml-agent-k8s-base:1.24-21).",
      }),
    })
    .prefault({}),
  components: z
    .strictObject({
      apiserver: z
        .strictObject({ replicas: replicas(10), extraConfig, ...componentFields('apiserver') })
        .prefault({}),
      asyncDelete: z
        .strictObject({ enabled: z.boolean().default(true), ...componentFields('asyncDelete') })
        .prefault({}),
      fileserver: z
        .strictObject({
          enabled: z.boolean().default(true),
          replicas: replicas(10),
          ...componentFields('fileserver'),
        })
        .prefault({}),
      webserver: z
        .strictObject({
          enabled: z.boolean().default(true),
          replicas: replicas(10),
          disableIpv6: z
            .boolean()
            .default(false)
            .meta({ description: 'Set on clusters whose nodes have IPv6 disabled.' }),
          configuration: webConfiguration,
          ...componentFields('webserver'),
        })
        .prefault({}),
      mongodb: z
        .strictObject({
          enabled: z.boolean().default(true),
          external: z
            .strictObject({
              backendConnectionString: mongoUrl,
              authConnectionString: mongoUrl,
            })
            .optional(),
          ...componentFields('mongodb'),
        })
        .prefault({}),
      redis: z
        .strictObject({
          enabled: z.boolean().default(true),
          external: z
            .strictObject({
              host: dnsSubdomain(field('values.what.redisHost')),
              port: z.int().min(1).max(65535).default(6379),
            })
            .optional(),
          ...componentFields('redis'),
        })
        .prefault({}),
      elasticsearch: z
        .strictObject({
          enabled: z.boolean().default(true),
          replicas: replicas(5),
          heap: z
            .string()
            .regex(JAVA_HEAP_PATTERN, rule('values.heap'))
            .optional()
            .meta({ description: 'JVM heap; defaults to half the memory limit.' }),
          allowMmap: z.boolean().default(true).meta({
            description:
              'Set to false on nodes without vm.max_map_count=262144 (costs some performance).',
          }),
          external: z
            .strictObject({
              hosts: elasticHosts.meta({
                description:
                  'Elasticsearch nodes: URLs such as https://es.example.com:9200, or {host, port, scheme} (scheme defaults to http, port to 9200).',
              }),
            })
            .optional(),
          ...componentFields('elasticsearch'),
        })
        .prefault({}),
    })
    .prefault({}),
  storage: z
    .strictObject({
      storageClass: dnsSubdomain(field('values.what.storageClass'))
        .optional()
        .meta({ description: 'Storage class for every volume unless a volume sets its own.' }),
      fileserver: z
        .strictObject({
          size: storageSize.default('50Gi'),
          storageClass: dnsSubdomain(field('values.what.storageClass')).optional(),
          accessMode: z.enum(['ReadWriteOnce', 'ReadWriteMany']).default('ReadWriteOnce').meta({
            description:
              'With existingClaim, the access mode of that claim (more than one replica needs ReadWriteMany).',
          }),
          existingClaim,
        })
        .prefault({}),
      mongodb: volume('50Gi'),
      redis: volume('5Gi'),
      elasticsearch: volume('50Gi'),
    })
    .prefault({}),
  resources: z
    .strictObject({
      preset: z.enum(PRESET_NAMES).default('default'),
      apiserver: resourceOverride,
      asyncDelete: resourceOverride,
      fileserver: resourceOverride,
      webserver: resourceOverride,
      mongodb: resourceOverride,
      redis: resourceOverride,
      elasticsearch: resourceOverride,
    })
    .prefault({}),
  exposure: z
    .strictObject({
      routes: z.boolean().default(true).meta({ description: 'Create edge-TLS Routes.' }),
      insecureEdgeTerminationPolicy: z.enum(['Redirect', 'None', 'Allow']).default('Redirect'),
      hosts: z
        .strictObject({
          app: dnsSubdomain(field('values.what.appHost')).optional(),
          api: dnsSubdomain(field('values.what.apiHost')).optional(),
          files: dnsSubdomain(field('values.what.filesHost')).optional().meta({
            description:
              'Only without the web UI; with it, files are served at https://<app host>/files.',
          }),
        })
        .prefault({}),
      filesTimeout: duration.default('600s'),
      apiTimeout: duration
        .optional()
        .meta({ description: 'Router timeout of the API Route, for long API calls (e.g. 5m).' }),
    })
    .prefault({}),
  server: z
    .strictObject({
      version: z
        .enum(SERVER_VERSIONS, {
          error: rule('values.version', { versions: SERVER_VERSIONS.join(', ') }),
        })
        .default(DEFAULT_SERVER_VERSION)
        .meta({
          description:
            'ClearML server release: 2.3 (current) or 2.0 (the Helm chart 7.14 images). Images not set in images.* follow it.',
        }),
      cookieName: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/, rule('values.cookieName'))
        .default('clearml-token-k8s'),
      cookieDomain: dnsSubdomain(field('values.what.cookieDomain')).optional(),
      prepopulate: z.boolean().default(true),
    })
    .prefault({}),
  credentials: z
    .strictObject({
      existingSecret: dnsSubdomain(field('values.what.credentialsSecret')).optional().meta({
        description:
          "Secret in the instance's namespace with the upstream chart's keys (apiserver_key, apiserver_secret, secure_auth_token_secret, test_user_key, test_user_secret, fileserver_key, fileserver_secret); they are copied into the instance's own credentials Secret at deploy, and credentials already there win.",
      }),
      apiserver: keyPair,
      fileserver: keyPair,
      webserver: keyPair,
      tests: keyPair,
      agentServices: keyPair.meta({
        description:
          'The services agent (role admin) the API server registers, for a ClearML agent on the cluster.',
      }),
      authTokenSecret: secretValue.optional(),
      sessionSecret: secretValue.optional(),
      mongodbPassword: secretValue
        .optional()
        .meta({ description: 'Password of the bundled MongoDB (user clearml).' }),
      redisPassword: secretValue.optional().meta({ description: 'Password of the bundled Redis.' }),
    })
    .prefault({})
    .meta({ description: 'Generated at install time unless given; kept across upgrades.' }),
  login: z
    .strictObject({
      enabled: z.boolean().default(true),
      username: z
        .string()
        .regex(/^[A-Za-z0-9._@-]{1,64}$/, rule('values.username'))
        .default('admin'),
      displayName: z
        .string()
        .min(1, rule('values.displayName.empty'))
        .max(100, rule('values.displayName.tooLong'))
        .regex(/^[^\p{Cc}]*$/u, rule('values.displayName.controls'))
        .default('ClearML Admin'),
      password: z
        .string()
        .min(8, rule('values.password.short'))
        .max(128, rule('values.password.tooLong'))
        .regex(/^[^\p{Cc}]*$/u, rule('values.password.controls'))
        .optional(),
    })
    .prefault({}),
  security: z
    .strictObject({
      mode: z.enum(['least-privilege', 'chart-compatible']).default('least-privilege'),
    })
    .prefault({}),
  agents,
});

/** Values after defaults are applied. */
export type ClearMLValues = z.output<typeof baseValuesSchema>;
/** Values as a user writes them (every field optional). */
export type ClearMLValuesInput = z.input<typeof baseValuesSchema>;
export type SecurityMode = ClearMLValues['security']['mode'];
export type AgentValues = ClearMLValues['agents'][number];
export type { ServerVersion } from './images';
