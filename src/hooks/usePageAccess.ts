import { useEffect, useState } from 'react';
import { useClusterClient } from '../components/ClusterClientContext';
import {
  FULL_ACCESS,
  type PageAccess,
  pageAccessChecks,
  reviewKey,
  reviewsOf,
  summarizeAccess,
} from '../engine/access/page-access';
import type { ClusterClient } from '../engine/cluster/client';

export interface ProjectAccess {
  /** False until the reviews answered; the actions stay disabled until then. */
  loaded: boolean;
  access: PageAccess;
}

const PENDING: ProjectAccess = { loaded: false, access: FULL_ACCESS };

/**
 * Asks the access reviews behind each action of the page once per project. A review the API
 * cannot answer counts as allowed: the server still refuses what the user may not do.
 */
async function reviewProject(client: ClusterClient, namespace: string): Promise<PageAccess> {
  const checks = pageAccessChecks(namespace);
  const reviews = reviewsOf(checks);
  const answers = await Promise.all(
    reviews.map((a) =>
      client.canI(a).then(
        (r) => r.allowed,
        () => true,
      ),
    ),
  );
  const allowed = new Map(reviews.map((a, i) => [reviewKey(a), answers[i]]));
  return summarizeAccess(checks, (a) => allowed.get(reviewKey(a)) ?? true);
}

/** One review round per project and client, shared by every part of the page. */
const rounds = new WeakMap<ClusterClient, Map<string, Promise<PageAccess>>>();

function accessOf(client: ClusterClient, namespace: string): Promise<PageAccess> {
  let byProject = rounds.get(client);
  if (!byProject) rounds.set(client, (byProject = new Map()));
  let round = byProject.get(namespace);
  if (!round) byProject.set(namespace, (round = reviewProject(client, namespace)));
  return round;
}

/** What the user may do in each of `namespaces`; `access(ns)` is pending until reviewed. */
export function usePageAccess(namespaces: string[]): (namespace: string) => ProjectAccess {
  const client = useClusterClient();
  const [known, setKnown] = useState<Record<string, PageAccess>>({});
  const wanted = [...new Set(namespaces.filter(Boolean))].sort().join(',');
  useEffect(() => {
    let live = true;
    for (const ns of wanted ? wanted.split(',') : []) {
      void accessOf(client, ns).then((access) => {
        if (live) setKnown((k) => (k[ns] === access ? k : { ...k, [ns]: access }));
      });
    }
    return () => {
      live = false;
    };
  }, [client, wanted]);
  return (namespace) => {
    const access = known[namespace];
    return access ? { loaded: true, access } : PENDING;
  };
}

/** What the user may do in one project (none while `namespace` is undefined). */
export const useProjectAccess = (namespace: string | undefined): ProjectAccess =>
  usePageAccess(namespace ? [namespace] : [])(namespace ?? '');

/** One "may create Deployments here" review per project and client, for the project picker. */
const deployRounds = new WeakMap<ClusterClient, Map<string, Promise<boolean>>>();

function mayDeployIn(client: ClusterClient, namespace: string): Promise<boolean> {
  let byProject = deployRounds.get(client);
  if (!byProject) deployRounds.set(client, (byProject = new Map()));
  let round = byProject.get(namespace);
  if (!round) {
    round = client.canI({ group: 'apps', resource: 'deployments', verb: 'create', namespace }).then(
      (r) => r.allowed,
      () => true,
    );
    byProject.set(namespace, round);
  }
  return round;
}

/**
 * The projects of `names` the user may deploy to, as far as known: a cheap review per project
 * (the full check runs in preflight once one is chosen).
 */
export function useDeployableProjects(names: string[]): string[] {
  const client = useClusterClient();
  const [allowed, setAllowed] = useState<Record<string, boolean>>({});
  const wanted = [...new Set(names.filter(Boolean))].sort().join(',');
  useEffect(() => {
    let live = true;
    for (const ns of wanted ? wanted.split(',') : []) {
      void mayDeployIn(client, ns).then((ok) => {
        if (live) setAllowed((a) => (a[ns] === ok ? a : { ...a, [ns]: ok }));
      });
    }
    return () => {
      live = false;
    };
  }, [client, wanted]);
  return names.filter((n) => allowed[n]);
}
