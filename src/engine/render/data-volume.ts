/**
 * A data store's volume: a claim of the instance's own, or an existing claim named in
 * `storage.<store>.existingClaim` (e.g. one the upstream Helm chart left). An existing claim is
 * mounted as it is: no PersistentVolumeClaim (nor volumeClaimTemplate) is rendered for it, so
 * the deploy never writes it and the uninstall, which deletes only what carries the instance's
 * labels, never deletes it.
 *
 * With `ownerUid`, the store's pod runs as the UID that owns the files on that claim, so it can
 * write them. The chart's owners (clearml-helm-charts 7.14.x, see clearml-server-reference.md
 * §3.3, §3.6-3.8): Bitnami MongoDB and Redis run as 1001 with fsGroup 1001, Elasticsearch as 1000
 * with fsGroup 1000, the file server as root.
 */
import type {
  PersistentVolumeClaim,
  PodSecurityContext,
  SecurityContext,
  StringMap,
  Volume,
} from '../k8s-types';
import { msg } from '../messages/message';
import type { ObjectKey } from '../names';
import { DATA_OWNER_ANNOTATION, SECURITY_NOTE_ANNOTATION } from '../scc/plan';
import type { ClearMLValues } from '../values/schema';
import type { RenderContext } from './context';
import { persistentVolumeClaim, storageClassOf } from './workload';

export type ClaimStore = 'fileserver' | 'mongodb' | 'redis' | 'elasticsearch';

export type ExistingClaim = NonNullable<ClearMLValues['storage'][ClaimStore]['existingClaim']>;

export const existingClaimOf = (ctx: RenderContext, store: ClaimStore): ExistingClaim | undefined =>
  ctx.values.storage[store].existingClaim;

/** The pod volume `name` backed by the store's existing claim, else by the instance's claim. */
export function dataVolume(
  ctx: RenderContext,
  store: ClaimStore,
  name: string,
  ownClaim: ObjectKey,
): Volume {
  const claimName = existingClaimOf(ctx, store)?.name ?? ctx.name(ownClaim);
  return { name, persistentVolumeClaim: { claimName } };
}

/** The instance's own claim for a Deployment's store; none when it mounts an existing claim. */
export function ownClaim(
  ctx: RenderContext,
  store: 'fileserver' | 'mongodb',
  key: ObjectKey,
): PersistentVolumeClaim[] {
  if (existingClaimOf(ctx, store)) return [];
  const volume = ctx.values.storage[store];
  return [
    persistentVolumeClaim(ctx, key, store, {
      size: volume.size,
      storageClass: storageClassOf(ctx, volume.storageClass),
      ...('accessMode' in volume ? { accessMode: volume.accessMode } : {}),
    }),
  ];
}

export interface OwnerSecurity {
  pod: PodSecurityContext;
  container: SecurityContext;
  /** Pod-template annotations that tell the SCC plan why the pod runs as that UID. */
  annotations: StringMap;
}

/**
 * The security contexts of a store whose existing claim has `ownerUid`: that UID, and for a
 * non-root owner the same fsGroup (the chart's own pairs, above), changed on the volume only when
 * its root directory does not have it already (`OnRootMismatch`), so the chart's files keep their
 * ownership. No capability and no privilege escalation: root (UID 0) then writes only files it
 * owns, which is the file server's case. Undefined without `ownerUid`: the store keeps its usual
 * contexts.
 */
export function ownerSecurity(ctx: RenderContext, store: ClaimStore): OwnerSecurity | undefined {
  const claim = existingClaimOf(ctx, store);
  if (claim?.ownerUid === undefined) return undefined;
  const uid = claim.ownerUid;
  const root = uid === 0;
  return {
    // anyuid (needed for UID 0) allows no seccomp profile to be set; nonroot-v2 fills it in too.
    pod: root
      ? { runAsUser: 0 }
      : {
          runAsUser: uid,
          runAsNonRoot: true,
          fsGroup: uid,
          fsGroupChangePolicy: 'OnRootMismatch',
          seccompProfile: { type: 'RuntimeDefault' },
        },
    container: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      ...(root ? {} : { runAsNonRoot: true }),
    },
    annotations: {
      // The same sentence the plan says (scc/plan.ts reads the claim and UID back).
      [SECURITY_NOTE_ANNOTATION]: msg('scc.note.claimOwner', {
        component: msg(`component.${store}`),
        claim: claim.name,
        uid: String(uid),
      }).text,
      [DATA_OWNER_ANNOTATION]: claim.name,
    },
  };
}
