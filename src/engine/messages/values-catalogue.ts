/**
 * What the values schema says about a value it refuses, by message id, in English (the CLI prints
 * these; the wizard translates them by id). Part of `MESSAGES` (catalogue.ts). `{{what}}` is one
 * of the `values.what.*` names.
 */
export const VALUE_MESSAGES = {
  // Names of fields, inside the rules below
  'values.what.instanceName': 'instance name',
  'values.what.namespace': 'namespace',
  'values.what.storageClass': 'storage class',
  'values.what.pullSecret': 'pull secret name',
  'values.what.redisHost': 'redis host',
  'values.what.appHost': 'app host',
  'values.what.apiHost': 'api host',
  'values.what.filesHost': 'files host',
  'values.what.cookieDomain': 'cookie domain',
  'values.what.taskImage': 'task image',
  'values.what.claimName': 'claim name',
  'values.what.credentialsSecret': 'credentials Secret name',

  // Reading
  'values.unknownField': 'unknown field',
  'values.unreadable': 'values could not be read: {{detail}}',
  'values.file.tooLarge': 'values file is larger than 1 MiB',
  'values.file.tooLargeBytes': 'values file is larger than 1 MiB; values files are small YAML',
  'values.file.utf16': 'values file is UTF-16 text; save it as UTF-8',
  'values.file.binary': 'values file is binary (it contains NUL bytes), not YAML text',
  'values.file.notUtf8': 'values file is not valid UTF-8 text; save it as UTF-8',
  'values.file.nul': 'values file contains NUL characters, not YAML text',
  'values.file.entries': 'values file has more than {{max}} entries; values files are small',
  'values.file.severalDocuments':
    'values file holds several YAML documents; put all values in one document',
  'values.file.documents':
    'values file holds {{documents}} YAML documents; put all values in one document',
  'values.file.deep': 'values file is nested more than {{max}} levels deep',
  'values.file.selfAlias': 'values file has a YAML alias *{{alias}} inside its own anchor',
  'values.file.tag': 'values file uses the YAML tag {{tag}}; only plain YAML values are supported',
  'values.file.keyTwice': 'values file has the key {{key}} twice in one mapping',
  'values.file.invalidYaml': 'values file is not valid YAML: {{detail}}',
  'values.file.notPlainYaml': 'values file is not plain YAML: {{detail}}',
  'values.file.aliases': 'values file expands too many YAML aliases',
  'values.file.notMapping':
    'values file must hold a mapping of fields such as name: and namespace:',
  'values.file.unreadable': 'values file could not be read: {{detail}}',

  // zod's own sentences, for checks that give none (zod 4 locales/en)
  'values.zod.invalidType': 'Invalid input: expected {{expected}}, received {{received}}',
  'values.zod.expected': 'Invalid input: expected {{value}}',
  'values.zod.oneOf': 'Invalid option: expected one of {{values}}',
  'values.zod.tooBig': 'Too big: expected {{origin}} to be {{relation}}{{limit}}',
  'values.zod.tooBigSized': 'Too big: expected {{origin}} to have {{relation}}{{limit}} {{unit}}',
  'values.zod.tooSmall': 'Too small: expected {{origin}} to be {{relation}}{{limit}}',
  'values.zod.tooSmallSized':
    'Too small: expected {{origin}} to have {{relation}}{{limit}} {{unit}}',
  'values.zod.invalidInput': 'Invalid input',

  // Names and DNS
  'values.dns.empty': '{{what}} must not be empty',
  'values.dns.tooLong': '{{what}} must be at most {{max}} characters',
  'values.dns.label':
    "{{what}} must be lower-case letters, digits and '-', start with a letter and end with a letter or digit",
  'values.dns.subdomain': '{{what}} must be a lower-case DNS name such as example.com',
  'values.dns.part': 'every dot-separated part of {{what}} must be at most {{max}} characters',
  'values.namespace.short': 'namespace must be at least 2 characters',
  'values.namespace.reserved':
    'namespace is reserved for the cluster itself (default, kube-*, kubernetes-*, openshift, openshift-*); choose a project of your own',

  // Single fields
  'values.duration': 'timeout must be a duration such as 600s or 10m',
  'values.mongo.url': 'must be a mongodb:// URL',
  'values.mongo.escape': 'write " as %22 and \\ as %5C: a MongoDB URL must percent-encode them',
  'values.size.format': 'size must be a whole number with a unit, such as 50Gi',
  'values.size.max': 'size must be at most {{max}}Ti',
  'values.image.registry': 'registry must be a host name with an optional port, such as quay.io',
  'values.image.repository': 'repository must be a lower-case image path such as clearml/server',
  'values.image.tag': 'tag must be a valid image tag such as 2.3.0',
  'values.replicas.whole': 'replicas must be a whole number',
  'values.replicas.min': 'replicas must be at least 1',
  'values.replicas.max': 'replicas must be at most {{max}}',
  'values.accessKey': 'access key must be 20 to 30 upper-case letters or digits',
  'values.secret': 'secret must be 32 to 128 characters of letters, digits and _-.~+/=',
  'values.heap': 'heap must be a JVM size such as 2g or 1536m',
  'values.version': 'version must be one of {{versions}}',
  'values.cookieName': 'cookie name must be letters, digits, _ or -',
  'values.username': 'username must be 1 to 64 letters, digits or ._@-',
  'values.displayName.empty': 'display name must not be empty',
  'values.displayName.tooLong': 'display name must be at most 100 characters',
  'values.displayName.controls': 'display name must not contain control characters',
  'values.password.short': 'password must be at least 8 characters',
  'values.password.tooLong': 'password must be at most 128 characters',
  'values.password.controls': 'password must not contain control characters',
  'values.ownerUid.whole': 'ownerUid must be a whole number',
  'values.ownerUid.range': 'ownerUid must be between 0 and {{max}}',
  'values.quantity.format': '{{resource}} must be a Kubernetes quantity such as 500m, 2 or 4Gi',
  'values.quantity.cpuMax': 'cpu must be at most {{max}} cores',
  'values.quantity.memoryMax': 'memory must be at most {{max}}Ti',

  // Extra environment variables and configuration
  'values.env.value.tooLong': 'value must be at most {{max}} characters',
  'values.env.value.controls':
    'value must not contain control characters other than tab and newline',
  'values.env.value.type': 'value must be text, a number, true/false, a list or an object',
  'values.env.name.empty': 'name must not be empty',
  'values.env.name.tooLong': 'name must be at most 256 characters',
  'values.env.name.format':
    'name must be letters, digits, _, - and ., and must not start with a digit',
  'values.env.list': 'extraEnv must be a list of {name, value} entries',
  'values.env.tooMany': 'extraEnv may have at most 100 entries',
  'values.env.twice': '{{name}} is set twice',
  'values.env.onlyConfigTakesObjects':
    'only {{prefix}} settings take a list or an object; write the value as text',
  'values.env.configuration': 'configuration',
  'values.env.changesSetting':
    '{{name}} would change {{setting}}, which the plugin sets itself; choose another setting',
  'values.env.setByPlugin': '{{name}} is set by the plugin for this component',
  'values.env.setByPluginUse': '{{name}} is set by the plugin for this component; use {{field}}',
  'values.env.secretCarrier':
    "{{name}}: names starting with SECRET_ carry the instance's credentials",
  'values.config.map': 'extraConfig must be a map of file name to HOCON text',
  'values.config.text': 'each config file must be HOCON text',
  'values.config.tooMany': 'extraConfig may have at most 32 files',
  'values.config.fileName':
    'file name must be letters, digits, _ or - followed by .conf, such as services.conf',
  'values.config.tooLong': 'config file must be at most {{max}} KiB',
  'values.config.controls':
    'config file must not contain control characters other than tab and newline',
  'values.web.object': 'configuration must be a JSON object',
  'values.web.own':
    '{{key}} is set by the plugin so that the web UI finds its API and files through the Routes',
  'values.web.tooLong': 'configuration must be at most {{max}} KiB as JSON',

  // Scheduling
  'values.label.keyPrefix':
    'label key prefix of {{key}} must be a lower-case DNS name such as node-role.kubernetes.io',
  'values.label.key':
    'label key {{key}} must be up to 63 letters, digits, -, _ or ., starting and ending with a letter or digit',
  'values.label.value':
    'label value must be up to 63 letters, digits, -, _ or ., starting and ending with a letter or digit',
  'values.nodeSelector.map': 'nodeSelector must be a map of node label to value',
  'values.nodeSelector.value': 'each node selector value must be text',
  'values.toleration.operator': 'operator must be Exists or Equal',
  'values.toleration.effect': 'effect must be NoSchedule, PreferNoSchedule or NoExecute',
  'values.toleration.seconds': 'tolerationSeconds must be a whole number',
  'values.toleration.noKey': 'a toleration without a key must use operator Exists',
  'values.toleration.existsValue': 'a toleration with operator Exists must not have a value',
  'values.toleration.secondsEffect': 'tolerationSeconds needs effect NoExecute',
  'values.tolerations.list': 'tolerations must be a list of {key, operator, value, effect}',
  'values.tolerations.tooMany': 'tolerations may have at most 50 entries',
  'values.affinity.term': 'each term must be an object',
  'values.affinity.weightWhole': 'weight must be a whole number',
  'values.affinity.weight': 'weight must be between 1 and 100',
  'values.affinity.terms': 'nodeSelectorTerms must list at least one term',
  'values.affinity.object':
    'affinity must be an object with nodeAffinity, podAffinity or podAntiAffinity',

  // External Elasticsearch
  'values.es.host.tooLong': 'host must be at most 253 characters',
  'values.es.host.format': 'host must be a host name or IP address such as es.example.com',
  'values.es.port.whole': 'port must be a whole number',
  'values.es.port.range': 'port must be between 1 and 65535',
  'values.es.scheme': 'scheme must be http or https',
  'values.es.pathPrefix': 'path prefix must be a path such as /elastic',
  'values.es.url': 'must be a URL with scheme, host and port, such as http://es.example.com:9200',
  'values.es.urlScheme': 'URL scheme must be http or https',
  'values.es.urlEncode': 'URL must percent-encode quotes, backslashes and spaces',
  'values.es.urlQuery': 'URL must not have a query or fragment',
  'values.es.urlPath': 'URL path must be a plain path such as /elastic',
  'values.es.host': 'each host must be a URL or a {host, port, scheme} entry',
  'values.es.hosts': 'hosts must be a list of URLs or {host, port, scheme} entries',
  'values.es.hostsEmpty': 'hosts must list at least one Elasticsearch node',

  // Agents
  'values.agent.image.required': '{{what}} is required',
  'values.agent.image.tooLong': '{{what}} must be at most 512 characters',
  'values.agent.image.format': '{{what}} must be an image reference such as quay.io/org/image:tag',
  'values.agent.queue.empty': 'queue name must not be empty',
  'values.agent.queue.tooLong': 'queue name must be at most 64 characters',
  'values.agent.queue.format': 'queue name must be letters, digits, _, . or -',
  'values.agent.env.list': 'env must be a list of {name, value} entries',
  'values.agent.env.tooMany': 'env may have at most 100 entries',
  'values.agent.env.own': '{{name}} is set by the plugin for task pods',
  'values.agent.name.empty': 'agent name must not be empty',
  'values.agent.name.tooLong': 'agent name must be at most {{max}} characters',
  'values.agent.name.format':
    "agent name must be lower-case letters, digits and '-', start with a letter and end with a letter or digit",
  'values.agent.queues.list': 'queues must be a list of queue names',
  'values.agent.queues.empty': 'an agent needs at least one queue',
  'values.agent.queues.tooMany': 'an agent may serve at most 10 queues',
  'values.agent.maxPods.whole': 'maxPods must be a whole number',
  'values.agent.maxPods.min': 'maxPods must be at least 1',
  'values.agent.maxPods.max': 'maxPods must be at most {{max}}',
  'values.agent.gpus.whole': 'gpus must be a whole number',
  'values.agent.gpus.min': 'gpus must be at least 0',
  'values.agent.gpus.max': 'gpus must be at most {{max}}',
  'values.agents.list': 'agents must be a list',
  'values.agents.tooMany': 'an instance may have at most {{max}} agents',
  'values.agents.twice': 'agent {{name}} is listed twice',

  // Rules across fields (rules.ts)
  'values.rule.fileserverReplicas':
    'more than one file server replica needs storage.fileserver.accessMode ReadWriteMany',
  'values.rule.filesHost':
    'with the web UI, files are served at https://<app host>/files (so the browser sends its session cookie); remove the files host',
  'values.rule.asyncDelete': 'async delete needs the file server',
  'values.rule.routeHostLength':
    'name and namespace are too long together: the generated route host would start with a {{length}}-character label (max {{max}}); shorten them or set exposure.hosts',
  'values.rule.external': '{{component}} is disabled, so its external connection is required',
  'values.rule.requestAboveLimit': '{{resource}} request {{request}} is above the limit {{limit}}',
  'values.rule.zeroLimit': '{{resource}} limit must be above zero',
  'values.rule.heap':
    'Elasticsearch heap {{heap}} must be at most half of its memory limit {{limit}}',
  'values.rule.hostTwice': 'host {{host}} is already used by exposure.hosts.{{other}}',
  'values.rule.agentsNeedFiles': 'agents need the file server (components.fileserver.enabled)',
  'values.rule.existingClaimReplicas':
    '{{component}} mounts the existing claim {{claim}}, which holds the data of one node: replicas must be 1',
  'values.rule.existingClaimDisabled':
    'storage.{{component}}.existingClaim is set, but components.{{component}} is not enabled to mount it',
} as const;
