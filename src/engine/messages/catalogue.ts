import { VALUE_MESSAGES } from './values-catalogue';

/**
 * Every sentence the engine says, by message id, in English. The page translates the same ids
 * through i18next (`i18n/<lng>/plugin__clearml-console-plugin.json`); `npm run i18n` checks that
 * the locale file has an entry for each id. `{{name}}` is a parameter; an id with a `_plural`
 * twin is chosen by its `count` parameter.
 */
export const MESSAGES = {
  ...VALUE_MESSAGES,
  // Component names, inside sentences such as "Waiting for API server to be ready."
  'component.mongodb': 'MongoDB',
  'component.redis': 'Redis',
  'component.elasticsearch': 'Elasticsearch',
  'component.apiserver': 'API server',
  'component.fileserver': 'File server',
  'component.asyncDelete': 'Async delete',
  'component.webserver': 'Web UI',
  // Preflight
  'preflight.access.ok':
    'You may create and update every kind of object the plan uses in {{namespace}}.',
  'preflight.access.denied':
    'You lack permissions in project {{namespace}}: {{denied}}. Ask a project administrator to give you the admin or edit role there.',
  'preflight.api.noRoutes':
    'This cluster has no Route API (route.openshift.io/v1). Turn Routes off and expose the services another way.',
  'preflight.storage.unreadable':
    "Could not read the cluster's StorageClasses (HTTP {{status}}); the volumes will use the class you chose or the cluster default.",
  'preflight.storage.unreadableNoStatus':
    "Could not read the cluster's StorageClasses; the volumes will use the class you chose or the cluster default.",
  'preflight.storage.missingClass':
    'StorageClass {{name}} does not exist. Choose one of: {{choices}}.',
  'preflight.storage.noClasses':
    'StorageClass {{name}} does not exist, and the cluster has none to choose from.',
  'preflight.storage.noDefault':
    'The cluster has no default StorageClass, so the volumes would stay Pending. Choose a StorageClass.',
  'preflight.storage.missingClaim':
    'PersistentVolumeClaim {{claim}} ({{field}}) does not exist in {{namespace}}, so {{component}} would not start. Name a claim of that project, or remove {{field}}.',
  'preflight.storage.uses': 'Volumes will use StorageClass {{classes}}.',
  'preflight.quota.ok': 'The project quota has room for this plan.',
  'preflight.quota.short':
    'Quota {{quota}} has {{free}} of {{resource}} left, but the plan needs {{needed}}. Choose a smaller size preset or ask for a larger quota.',
  'preflight.quota.agent':
    'Agent {{agent}}: {{count}} task pod × {{per}} = {{total}} ({{resource}}), but quota {{quota}} allows {{free}} more once the servers run: at most {{fit}} of its tasks can run at once. Lower maxPods or ask for a larger quota.',
  'preflight.quota.agent_plural':
    'Agent {{agent}}: {{count}} task pods × {{per}} = {{total}} ({{resource}}), but quota {{quota}} allows {{free}} more once the servers run: at most {{fit}} of its tasks can run at once. Lower maxPods or ask for a larger quota.',
  'preflight.quota.agents':
    'Agents {{agents}} together need {{total}} ({{resource}}) for their task pods at once, but quota {{quota}} allows {{free}} more once the servers run: not all of their tasks can run at once. Lower maxPods or ask for a larger quota.',
  'preflight.ownership.foreign':
    '{{kind}} {{name}} already exists and does not belong to instance {{instance}}; it will not be touched. Choose another instance name or remove that object.',
  'preflight.podSecurity.rejected':
    '{{workload}} needs Pod Security level "{{level}}", but project {{namespace}} enforces "{{enforce}}", so its pods would be rejected. Use the least-privilege security mode, or ask a cluster administrator to relax the project\'s pod-security label.',
  'preflight.scc.handoff':
    'You may not grant the security context constraints {{sccs}} yourself. A cluster administrator must apply the grants shown below; the deploy can wait for them.',
  'preflight.scc.grantable': "You may grant {{sccs}} to the instance's service accounts.",
  'preflight.scc.none': 'Every pod runs under restricted-v2: no extra security grants are needed.',
  'credentials.existingSecret.absent':
    "Secret {{secret}} (credentials.existingSecret) does not exist in {{namespace}}, and the instance's own Secret does not hold those credentials yet. Create it with the upstream chart's keys, or remove credentials.existingSecret.",
  'credentials.existingSecret.missingKeys':
    'Secret {{secret}} (credentials.existingSecret) lacks {{keys}}, which the instance takes from it. Add them to that Secret, or give those credentials in the values.',
  'credentials.existingSecret.unusableKeys':
    'Secret {{secret}} (credentials.existingSecret): the values of {{keys}} contain a quote, a backslash or a control character, which the ClearML servers cannot read. Give those credentials in the values instead.',
  'render.existingSecretOffline':
    'Note: credentials.existingSecret is read only when deploying; the credentials Secret rendered here holds generated values instead of those of Secret {{secret}}. Deploy (or run preflight) against the cluster to use them.',
  'preflight.check.permissions': 'check permissions',
  'preflight.check.apis': 'check APIs',
  'preflight.check.storage': 'check storage',
  'preflight.check.quota': 'check quota',
  'preflight.check.podSecurity': 'check pod security',
  'preflight.check.plan': 'check the plan',

  // Upgrades
  'upgrade.server.downgrade':
    'ClearML server {{from}} is installed; going back to {{to}} is not supported: its data stores have already been upgraded and the older release cannot read them. Keep server.version {{from}}.',
  'upgrade.server.skip':
    'ClearML server {{from}} is installed; upgrade one release at a time ({{path}}). Deploy {{next}} first.',
  'upgrade.server.step':
    'Upgrade from ClearML server {{from}} to {{to}}: the volumes, the credentials Secret and every password are kept; the servers restart with the new images, and the API server applies any pending database migrations on its first start.',
  'upgrade.mongodb.downgrade':
    'MongoDB runs {{from}}; going back to {{to}} is not possible: an older MongoDB cannot read data a newer one has written. Keep the MongoDB image at {{from}} or later.',
  'upgrade.mongodb.skip':
    'MongoDB runs {{from}} and cannot jump to {{to}}: MongoDB upgrades one release series at a time ({{path}}). Deploy each step in turn.',
  'upgrade.mongodb.step':
    "MongoDB {{from}} → {{to}}: before the new MongoDB starts, a Job makes sure the data's featureCompatibilityVersion is {{from}}; the new MongoDB then opens the same volume and raises it to {{to}}. After that, MongoDB {{from}} can no longer open this data.",
  'upgrade.elasticsearch.downgradeMinor':
    'Elasticsearch runs {{from}}; going back to {{to}} is not possible: a node does not start on data written by a later release.',
  'upgrade.elasticsearch.downgradeMajor':
    'Elasticsearch runs {{from}}; going back to {{to}} is not possible: a node does not start on data written by a later major release.',
  'upgrade.elasticsearch.skip':
    'Elasticsearch {{from}} cannot be upgraded to {{to}} directly: only 7.17 may be upgraded to 8.x. Deploy with Elasticsearch 7.17 first.',
  'upgrade.elasticsearch.step':
    'Elasticsearch {{from}} → {{to}}: the nodes restart on the same volumes and Elasticsearch {{toMajor}} upgrades the indices in place. Elasticsearch {{fromMajor}} can no longer open them afterwards.',
  'upgrade.redis.downgrade':
    "Redis runs {{from}}; going back to {{to}} is not possible: an older Redis may not read the newer one's files. Keep the Redis image at {{from}} or later.",
  'upgrade.irreversible':
    'This cannot be undone: to go back, restore the volumes from a backup taken before the upgrade.',

  // Status of a component
  'status.route.hostClaimed':
    'The router does not serve Route {{route}} yet: an older Route holds {{host}} ({{detail}}). It is served once that Route is removed, or give this one another host.',
  'status.route.rejected': 'Router {{router}} rejected Route {{route}} ({{reason}}): {{detail}}',
  'status.scaledToZero': 'Scaled to zero replicas.',
  'status.running': 'Running {{image}}, {{steady}}.',
  'status.serving': 'Serving, {{steady}}.',
  'status.noRestarts': 'no restarts',
  'status.restarts': '{{count}} container restart so far',
  'status.restarts_plural': '{{count}} container restarts so far',
  'status.waitingFor': 'Waiting for {{components}} to be ready.',
  'status.readyCount': '{{ready}} of {{desired}} ready',
  'status.readySurge':
    '{{desired}} of {{desired}} ready, {{count}} more pod while the rollout replaces old ones',
  'status.readySurge_plural':
    '{{desired}} of {{desired}} ready, {{count}} more pods while the rollout replaces old ones',
  'status.rollingOut': 'Rolling out: {{updated}} of {{desired}} updated, {{ready}}.',
  'status.rollingOutWithProblem': '{{rollout}} {{problem}}',
  'status.partlyReady': '{{ready}} of {{desired}} ready.',
  'status.starting': 'Starting: {{ready}} of {{desired}} ready.',
  'status.pod.cannotPull':
    'Cannot pull image {{image}} (container {{container}}): check the image name and tag, the registry, and the pull secret.',
  'status.pod.crashLoop':
    'Container {{container}} keeps crashing (restarted {{count}} time): read its logs.',
  'status.pod.crashLoop_plural':
    'Container {{container}} keeps crashing (restarted {{count}} times): read its logs.',
  'status.pod.crashLoopExit':
    'Container {{container}} keeps crashing (restarted {{count}} time, last exit code {{exitCode}}): read its logs.',
  'status.pod.crashLoopExit_plural':
    'Container {{container}} keeps crashing (restarted {{count}} times, last exit code {{exitCode}}): read its logs.',
  'status.pod.cannotStart': 'Container {{container}} cannot start: {{detail}}.',
  'status.pod.unschedulable': 'Pod {{pod}} cannot be scheduled: {{detail}}.',
  'status.pod.initializing': 'Pod {{pod}} is running its start-up step {{step}}.',
  'status.pod.notReady':
    'Container {{container}} is running but does not pass its readiness check yet.',
  'status.create.quota': 'Pods cannot be created: a project quota refuses them ({{detail}})',
  'status.create.admission':
    "Pods are rejected by the cluster's security admission (SCC or Pod Security): {{detail}}",
  'status.create.other': 'Pods cannot be created: {{detail}}',
  'status.quota.pods': 'Pods cannot be created',
  'status.quota.volume': 'Volume {{name}} cannot be created',
  'status.quota.usedUp':
    '{{what}}: quota {{quota}} of this project is used up ({{parts}}). Ask a project administrator for a larger quota, or choose a smaller size preset.',
  'status.quota.part': '{{resource}}: {{used}} of {{limit}} used, {{needed}} more needed',
  'status.quota.partWithTotal':
    '{{resource}}: {{used}} of {{limit}} used, {{needed}} more needed; the instance needs {{total}} in all',
  'status.quota.unknownAmount': 'an unknown amount',
  'status.quota.mustSpecify':
    '{{what}}: quota {{quota}} of this project requires every container to set {{resources}}. Ask a project administrator to add a LimitRange with defaults, or set resources for every component.',
  // Status of an agent (its glue) and of the task pods it started
  'status.agent.ready':
    'Taking tasks from {{queues}}: {{running}} of at most {{maxPods}} task pods running.',
  'status.agent.readyWaiting':
    'Taking tasks from {{queues}}: {{running}} of at most {{maxPods}} task pods running, {{waiting}} waiting.',
  'status.task.unschedulable': 'unschedulable: {{detail}}',
  'status.task.cannotPull':
    'cannot pull image {{image}}: check the image name and tag, the registry and the pull secret',
  'status.task.quota': 'quota exceeded: {{detail}}',
  'status.task.waiting': 'waiting to be scheduled',
  'status.task.starting': 'starting on node {{node}}',
  'status.task.failed': 'failed: {{detail}}',
  'status.task.exited': 'container {{container}} exited with code {{exitCode}}',
  'status.pvc.missingClass':
    'Volume {{pvc}} cannot be provisioned: the StorageClass {{storageClass}} does not exist; choose one of {{choices}}, or ask an administrator to create {{storageClass}}.',
  'status.pvc.missingClassUnlisted':
    "Volume {{pvc}} cannot be provisioned: the StorageClass {{storageClass}} does not exist; choose one of the cluster's StorageClasses (ask an administrator which, as you may not list them).",
  'status.pvc.noStorageClass':
    'Volume {{pvc}} cannot be provisioned: no StorageClass is set and the cluster has no default; choose one of {{choices}}.',
  'status.pvc.waiting': 'Volume {{pvc}} is waiting for storage from StorageClass {{storageClass}}.',
  'status.pvc.waitingNoDefault':
    'Volume {{pvc}} is waiting for storage: no StorageClass is set and the cluster has no default.',
  'status.pvc.noClassExists': 'none exists on this cluster, so ask an administrator to create one',
  'status.pvc.defaultClass': '{{name}} (the default)',

  // Security plan
  'scc.noGrant':
    'needs no grant: runs with an arbitrary UID from the namespace range under restricted-v2',
  'scc.needs': 'needs {{scc}}',
  'scc.noneAdmits': 'no SCC allowed in this mode admits it',
  'scc.noneAdmitsBecause': 'no SCC allowed in this mode admits it: {{cause}}',
  'scc.causeWithNote': '{{cause}}: {{note}}',
  'scc.causeInWorkload': '{{cause}} ({{workload}})',
  'scc.cause.privileged': 'runs a privileged container ("{{container}}")',
  'scc.cause.root': 'runs as root',
  'scc.cause.uidRange': "runs as the fixed UID {{uid}}, outside the namespace's UID range",
  'scc.cause.fsGroup': "uses the fixed fsGroup {{fsGroup}}, not the namespace's group",
  'scc.reasons': '{{reasons}}',
  // Why a pod needs more than restricted-v2, as the renderer notes it on the pod template
  'scc.note.serverImage': 'the ClearML server image has no non-root user',
  'scc.note.chartUid': 'the upstream chart fixes UID and fsGroup 1001',
  'scc.note.chartSysctl': 'the upstream chart sets vm.max_map_count from the pod',
  'scc.note.agentImage': 'the ClearML agent image runs as root from /root',
  'scc.note.rootTasks': 'the agent runs its tasks as root (taskPod.runAsRoot)',
  'scc.note.claimOwner':
    'the files of {{component}} on the existing claim {{claim}} belong to UID {{uid}}, so it runs as that UID to write them',
  // Why an SCC refuses a pod (scc/admit.ts); {{where}} is scc.where.*
  'scc.where.pod': 'pod',
  'scc.where.container': 'container "{{container}}"',
  'scc.admit.seccompUnset': '{{where}}: seccomp may not be set',
  'scc.admit.seccompProfile': '{{where}}: seccomp profile {{profile}} is not allowed',
  'scc.admit.hostNamespace': '{{field}} is not allowed',
  'scc.admit.volume': 'volume "{{volume}}": {{type}} volumes are not allowed',
  'scc.admit.fsGroup':
    "fsGroup {{fsGroup}} is not allowed: it must be the namespace's group {{group}}",
  'scc.admit.supplementalGroup': 'supplemental group {{group}} is not allowed',
  'scc.admit.sysctl': 'sysctl {{sysctl}} is not allowed',
  'scc.admit.uidRange': '{{where}}: runAsUser {{uid}} is outside the namespace UID range {{range}}',
  'scc.admit.root': '{{where}}: runs as root (UID 0)',
  'scc.admit.nonRoot': '{{where}}: runAsNonRoot must be true',
  'scc.admit.capability': '{{where}}: capability {{capability}} may not be added',
  'scc.admit.privileged': '{{where}}: privileged containers are not allowed',
  'scc.admit.privilegeEscalation': '{{where}}: allowPrivilegeEscalation must be false',
  'scc.admit.hostPort': '{{where}}: host port {{port}} is not allowed',
  'scc.admit.none': '(none)',

  // Deploying
  'deploy.phase.read': 'Reading what instance {{instance}} already has in {{namespace}}',
  'deploy.phase.dryRun': 'Checking every object with the API server (dry run)',
  'deploy.phase.apply': 'Applying objects in dependency order',
  'deploy.phase.routeHosts':
    'The Routes have their hosts: writing {{objects}} with the external URLs of the API and file server',
  'deploy.phase.upgrade':
    "Making sure MongoDB's featureCompatibilityVersion is {{series}} before MongoDB is upgraded",
  'deploy.phase.done': '{{count}} object written',
  'deploy.phase.done_plural': '{{count}} objects written',
  'deploy.phase.nothing': 'Nothing to change',
  'deploy.foreign':
    '{{kind}} {{name}} already exists and does not belong to instance {{instance}}; it was not touched. Choose another instance name or remove that object.',
  'deploy.grantMissing':
    'Service accounts {{accounts}} may not use SCC {{scc}} yet. Ask a cluster administrator to apply the grants in the hand-off, then deploy again.',
  'deploy.what.dryRun': 'create or update {{object}}',
  'deploy.what.apply': 'apply {{object}}',
  'deploy.what.deploy': 'deploy {{instance}}',

  // Uninstalling
  'uninstall.what.listVolumes': 'list the volumes',
  'uninstall.what.uninstall': 'uninstall {{instance}}',
  'uninstall.what.delete': 'delete {{object}}',
  'uninstall.what.update': 'update {{object}}',
  'uninstall.releaseFailed': '{{error}} A cluster administrator can run: {{commands}}',
  'uninstall.taskPodsLeft':
    'Left {{count}} task pod of the agents in {{namespace}} ({{pods}}). Remove it with uninstall --task-pods, or oc delete pod -n {{namespace}} -l {{selector}}.',
  'uninstall.taskPodsLeft_plural':
    'Left {{count}} task pods of the agents in {{namespace}} ({{pods}}). Remove them with uninstall --task-pods, or oc delete pod -n {{namespace}} -l {{selector}}.',
  'uninstall.taskPodsLeftPage':
    'Left {{count}} task pod of the agents in {{namespace}} ({{pods}}). Remove it with oc delete pod -n {{namespace}} -l {{selector}}.',
  'uninstall.taskPodsLeftPage_plural':
    'Left {{count}} task pods of the agents in {{namespace}} ({{pods}}). Remove them with oc delete pod -n {{namespace}} -l {{selector}}.',

  // Taking over a release of the upstream chart
  'adopt.via.clusterRoleBinding': 'the cluster-wide ClusterRoleBinding {{name}}',
  'adopt.via.roleBinding': 'the RoleBinding {{name}} in {{namespace}}',
  'adopt.via.sccUsers': 'the users list of SCC {{scc}}',
  'adopt.via.sccGroups': 'the groups list of SCC {{scc}} ({{group}})',
  'adopt.grant.excess':
    '{{workloads}} may run {{scc}} through {{via}}; it needs nothing beyond {{needed}}.',
  'adopt.grant.excessElastic':
    '{{workloads}} may run {{scc}} through {{via}}; it needs nothing beyond {{needed}} with vm.max_map_count set on the nodes.',
  'adopt.grant.needed': '{{workloads}} may run {{scc}} through {{via}}, as the plan needs.',
  'adopt.grant.unused':
    '{{account}} may run {{scc}} through {{via}}, but no workload of the release runs as it.',
  // The take-over plan: its steps
  'adopt.step.protect':
    'Protect the volumes {{claims}}: annotate them helm.sh/resource-policy: keep so that removing the release never deletes them.',
  'adopt.step.protectRetain':
    'Protect the volumes {{claims}}: annotate them helm.sh/resource-policy: keep, and make {{statefulSets}} retain their volumes when deleted or scaled down.',
  'adopt.step.scaleDown':
    'Record the replicas of {{workloads}} and scale them to zero, then wait until their pods are gone so that the volumes are free.',
  'adopt.step.deploy':
    'Deploy instance {{instance}} on the same volumes and credentials (dry run first), then wait until it is Ready.',
  'adopt.step.removeRelease':
    "Remove the {{count}} objects of release {{release}} (workloads, Services, Routes, configuration), keeping the volumes, the credentials Secret {{secret}} and Helm's release records.",
  'adopt.step.removeGrants':
    'Remove the cluster-wide SCC grants only this release used: {{grants}}. A binding left with no subject is deleted.',
  'adopt.step.removeGrantsNone': 'No cluster-wide SCC grant used only by this release is left.',
  // The take-over plan: findings
  'adopt.finding.releaseMissing':
    'No release {{release}} of the clearml chart runs in {{namespace}}: nothing to take over.',
  'adopt.finding.notDeployed':
    'Release {{release}} is {{status}}, not deployed. Finish or roll back the Helm operation first (helm history {{release}} -n {{namespace}}).',
  'adopt.finding.statusUnknown':
    "Could not read Helm's release records of {{release}}, so its status is unknown; make sure no helm upgrade is running.",
  'adopt.finding.claimMissing':
    'The {{component}} volume of release {{release}} ({{claim}}) does not exist, so the instance would start without that data. Restore the claim, or take over by hand.',
  'adopt.finding.claimOwned':
    'The volume {{claim}} belongs to {{owner}}, which is not part of release {{release}}, and could be deleted with it. Remove that owner reference first.',
  'adopt.finding.external':
    'Release {{release}} uses an external {{component}}; adopt takes over only releases whose data stores run in the project. Deploy an instance with the same external connection instead.',
  'adopt.finding.replicated':
    'Release {{release}} runs {{component}} with {{count}} replicas; adopt takes over only single-replica data stores.',
  'adopt.finding.noFileserverVolume':
    'The file server of release {{release}} keeps its files on no volume, so there is nothing to carry over; the instance starts with an empty file store.',
  'adopt.finding.version':
    'Release {{release}} runs ClearML server {{version}}; instances run {{versions}}, and a different release would migrate the data so that rolling back is unsafe.',
  'adopt.finding.secretMissing':
    'The credentials Secret {{secret}} of release {{release}} does not exist; without it the instance cannot open the data.',
  'adopt.finding.secretKeys':
    'The credentials Secret {{secret}} of release {{release}} lacks {{keys}}, which the instance copies from it. Add them (the values the release runs with) first.',
  'adopt.finding.nameTaken':
    'Instance name {{instance}} would reuse the names of {{objects}}; choose another with --name.',
  'adopt.finding.valuesInvalid':
    'The instance could not be deployed with these values: {{issues}}. Choose another --name or --namespace.',
  'adopt.finding.nameInvalid': 'Instance name {{instance}} is not valid: {{reason}}',
  'adopt.finding.hostKept':
    'The instance keeps the host {{host}} of Route {{route}}, so clearml.conf files that name it keep working once the release is removed.',
  'adopt.finding.filesHost':
    'The host {{host}} of Route {{route}} cannot be kept: with the web UI the files are served at https://{{app}}/files. Change files_server in clearml.conf to that address.',
  'adopt.finding.plainHttp':
    "Route {{route}} of the release serves plain HTTP, so the instance's Routes accept HTTP as well as HTTPS and existing clearml.conf files keep working.",
  'adopt.finding.noRoutes':
    'Release {{release}} has no Routes; the instance gets new host names, and clearml.conf files must name them.',
  'adopt.finding.denied':
    'You may not {{step}}: {{denied}}. Ask an administrator of {{namespace}} for these permissions.',
  'adopt.finding.grantsDenied':
    'You may not change the cluster-wide SCC grants ({{denied}}). A cluster administrator can run: {{commands}}',
  'adopt.finding.grantShared':
    'The grant of {{scc}} to {{account}} through {{via}} stays: {{workloads}}, outside the release, run as {{account}}.',
  'adopt.finding.grantGroup':
    'The grant of {{scc}} through {{via}} stays: it reaches every account of {{namespace}}, not only the release.',
  'adopt.finding.grantsLeft':
    'The cluster-wide grants {{grants}} stay in place; adopt again with --remove-grants to remove them.',
  'adopt.finding.resumed':
    'Continuing the take-over of {{release}} into instance {{instance}}; done so far: {{done}}.',
  'adopt.finding.otherTakeover':
    'Release {{release}} is being taken over into instance {{recorded}}; finish that (adopt without --name) or roll it back first.',
  'adopt.finding.sccHandoff':
    "You may not grant {{sccs}} to the instance's service accounts yourself. Ask a cluster administrator to apply the grants shown below before you start: without them the take-over stops at the deploy step, with the chart already scaled down, until they are applied or the take-over is rolled back.",
  // The take-over run
  'adopt.run.waitPods': 'Waiting for the pods of {{workloads}} to stop',
  'adopt.run.podsTimeout':
    'The pods of {{workloads}} still run after {{timeout}}; nothing else was changed. Adopt again to keep waiting, or adopt --rollback to restore the release.',
  'adopt.run.deployFailed':
    'Deploying instance {{instance}} stopped: {{problems}} Adopt again once fixed, or adopt --rollback to restore the release.',
  'adopt.run.notReady':
    'Instance {{instance}} is not Ready after {{timeout}}: {{components}}. Adopt again to keep waiting, or adopt --rollback to restore the release.',
  'adopt.run.done': 'Release {{release}} is now instance {{instance}}, managed by this plugin.',
  'adopt.run.paused':
    'The take-over of release {{release}} into instance {{instance}} is paused after step {{number}} of {{total}}, {{step}}. Run adopt again without --until to continue, or adopt --rollback to restore the release.',
  'adopt.run.pausedClosed':
    "The take-over of release {{release}} into instance {{instance}} is paused after step {{number}} of {{total}}, {{step}}; the release's objects are removed, so it can no longer be rolled back. Run adopt again without --until to finish it.",
  'adopt.run.rollbackClosed':
    'The objects of release {{release}} were removed, so the take-over can no longer be rolled back; its volumes and Helm records are kept.',
  'adopt.run.rollbackNothing':
    'Nothing to roll back: no take-over of release {{release}} is recorded in {{namespace}}.',
  'adopt.run.rolledBack':
    'Release {{release}} is back to its recorded replicas; instance {{instance}} was removed and the volumes kept.',
  // The same take-over messages in the page's words: its buttons and checkbox instead of the
  // command's flags (src/engine/adopt/takeover-wording.ts picks them).
  'adopt.finding.externalPage':
    'Release {{release}} uses an external {{component}}; only releases whose data stores run in the project can be taken over. Deploy an instance with the same external connection instead.',
  'adopt.finding.replicatedPage':
    'Release {{release}} runs {{component}} with {{count}} replicas; only single-replica data stores can be taken over.',
  'adopt.finding.nameTakenPage':
    'Instance name {{instance}} would reuse the names of {{objects}}. Remove those objects, or take the release over with the command-line tool, which can choose another instance name.',
  'adopt.finding.valuesInvalidPage':
    'The instance could not be deployed with these values: {{issues}}. Take the release over with the command-line tool, which can choose another instance name.',
  'adopt.finding.grantsLeftPage':
    'The cluster-wide grants {{grants}} stay in place; to remove them, select “Also remove the cluster-wide SCC grants only this release used” and plan again.',
  'adopt.finding.otherTakeoverPage':
    'Release {{release}} is being taken over into instance {{recorded}}; continue that take-over or roll it back first.',
  'adopt.run.podsTimeoutPage':
    'The pods of {{workloads}} still run after {{timeout}}; nothing else was changed. Continue the take-over to keep waiting, or roll it back to restore the release.',
  'adopt.run.deployFailedPage':
    'Deploying instance {{instance}} stopped: {{problems}} Continue the take-over once fixed, or roll it back to restore the release.',
  'adopt.run.notReadyPage':
    'Instance {{instance}} is not Ready after {{timeout}}: {{components}}. Continue the take-over to keep waiting, or roll it back to restore the release.',
  'adopt.what.protect': 'protect the volumes',
  'adopt.what.scaleDown': 'scale the release down',
  'adopt.what.deploy': 'deploy the instance',
  'adopt.what.removeRelease': "remove the release's objects",
  'adopt.what.removeGrants': 'remove the cluster-wide grants',
  'adopt.what.plan': 'plan the take-over of release {{release}}',
  'adopt.what.run': 'take over release {{release}}',
  'adopt.what.rollback': 'roll back the take-over of release {{release}}',

  // Errors from the cluster
  'error.network':
    'Could not reach the cluster to {{what}}: {{detail}}. Check the connection and the API server address, then try again.',
  'error.other': 'Could not {{what}}: {{detail}}',
  'error.unauthorized':
    'Your session is not accepted by the cluster (HTTP 401) while trying to {{what}}. Log in again, then retry.',
  'error.escalation':
    'You may not {{what}}: it grants a permission you do not hold yourself. Ask a cluster administrator to apply the security grants shown in the hand-off, then continue.',
  'error.forbidden':
    'You are not allowed to {{what}} (HTTP 403: {{detail}}). Ask a project or cluster administrator for the permission, or choose a project where you have it.',
  'error.notFound':
    'Could not {{what}}: it was not found (HTTP 404: {{detail}}). The project or API may not exist on this cluster.',
  'error.conflict':
    'Could not {{what}}: it changed at the same time or already exists (HTTP 409: {{detail}}). Reload and try again.',
  'error.invalid':
    'The cluster rejected the request to {{what}} as invalid (HTTP {{status}}: {{detail}}). Correct the value and try again.',
  'error.throttled':
    'The cluster is busy and asked to slow down (HTTP 429) while trying to {{what}}. Wait a moment, then try again.',
  'error.server':
    'The cluster failed to {{what}} (HTTP {{status}}: {{detail}}). This is usually temporary: try again; if it persists, ask a cluster administrator to check the API server.',
  'error.http': 'Could not {{what}} (HTTP {{status}}: {{detail}}).',
} as const;

export type MessageId = keyof typeof MESSAGES;
