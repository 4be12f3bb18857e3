import {
  CodeBlock,
  CodeBlockCode,
  ExpandableSection,
  Label,
  List,
  ListItem,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../../compat/console-api';
import type { K8sObject } from '../../engine';
import { instanceSelector } from '../../engine/deploy/ownership';
import type { DryRun } from '../../hooks/useDryRun';
import type { PlanCheck } from '../../hooks/usePlanCheck';
import { useClusterClient } from '../ClusterClientContext';
import { objectDiff } from '../model/object-diff';

/** Kinds an instance may have that a new plan can drop (Secrets are read by name, never listed). */
const KINDS: [string, string][] = [
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'StatefulSet'],
  ['v1', 'Service'],
  ['v1', 'ServiceAccount'],
  ['v1', 'PersistentVolumeClaim'],
  ['route.openshift.io/v1', 'Route'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['policy/v1', 'PodDisruptionBudget'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
];

/** The instance's live objects of every kind above; kinds the user may not list are skipped. */
function useInstanceObjects(namespace?: string, instance?: string): K8sObject[] | undefined {
  const client = useClusterClient();
  const [objects, setObjects] = useState<K8sObject[]>();
  useEffect(() => {
    if (!namespace || !instance) return undefined;
    let live = true;
    void Promise.all(
      KINDS.map(([apiVersion, kind]) =>
        client
          .list(apiVersion, kind, { namespace, labelSelector: instanceSelector(instance) })
          .then((items) => items.map((o) => ({ ...o, apiVersion, kind })))
          .catch(() => [] as K8sObject[]),
      ),
    ).then((lists) => live && setObjects(lists.flat()));
    return () => {
      live = false;
    };
  }, [client, namespace, instance]);
  return objects;
}

/**
 * Before an upgrade writes: the objects it adds, changes (with each changed field, Secret values
 * masked) and no longer has, from the server dry run against the live objects.
 */
export const UpgradeDiff = ({ check, dryRun }: { check: PlanCheck; dryRun: DryRun }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const first = check.objects?.[0]?.metadata;
  const instanceObjects = useInstanceObjects(
    first?.namespace,
    first?.labels?.['app.kubernetes.io/instance'],
  );
  const diff = useMemo(() => {
    if (!dryRun.done || !check.live) return undefined;
    const planned = dryRun.rows.map((r) => r.result ?? r.object);
    // Claims a StatefulSet made from its templates (`<template>-<set>-<ordinal>`) belong to it.
    const sets = planned.filter((o) => o.kind === 'StatefulSet').map((o) => o.metadata.name);
    const stale = (instanceObjects ?? []).filter(
      (o) =>
        !(
          o.kind === 'PersistentVolumeClaim' &&
          sets.some((s) => new RegExp(`-${s}-\\d+$`).test(o.metadata.name))
        ),
    );
    return objectDiff(planned, check.live, stale);
  }, [dryRun.done, dryRun.rows, check.live, instanceObjects]);
  // Controlled sections: PatternFly 6.4's uncontrolled ExpandableSection leaves `aria-expanded`
  // off its toggle until the first click (ExpandableSection.js starts from `props.isExpanded`),
  // so a screen reader would not hear that a changed object is collapsed.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string, isOpen: boolean) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (isOpen) next.add(key);
      else next.delete(key);
      return next;
    });
  if (!diff) return null;
  const nothing = !diff.added.length && !diff.changed.length && !diff.removed.length;
  return (
    <Stack hasGutter data-test="upgrade-diff">
      <StackItem>
        <Title headingLevel="h3">{t('What the upgrade changes')}</Title>
      </StackItem>
      {nothing && <StackItem>{t('No object changes.')}</StackItem>}
      {diff.added.length > 0 && (
        <StackItem data-test="upgrade-diff-added">
          <Label color="green" isCompact>
            {t('Added')}
          </Label>
          <List isPlain>
            {diff.added.map((o) => (
              <ListItem key={o.key}>
                {o.kind} {o.name}
              </ListItem>
            ))}
          </List>
        </StackItem>
      )}
      {diff.changed.length > 0 && (
        <StackItem data-test="upgrade-diff-changed">
          <Label color="blue" isCompact>
            {t('Changed')}
          </Label>
          {diff.changed.map((o) => (
            <ExpandableSection
              key={o.key}
              toggleText={t('{{kind}} {{name}}: {{count}} field', {
                kind: o.kind,
                name: o.name,
                count: o.fields.length,
              })}
              data-test={`upgrade-diff-${o.kind}-${o.name}`}
              isExpanded={open.has(o.key)}
              onToggle={(_e, isOpen) => toggle(o.key, isOpen)}
            >
              <CodeBlock>
                <CodeBlockCode>
                  {o.fields
                    .map(
                      (f) =>
                        `${f.path}: ${f.before ?? t('(not set)')} → ${f.after ?? t('(removed)')}`,
                    )
                    .join('\n')}
                </CodeBlockCode>
              </CodeBlock>
            </ExpandableSection>
          ))}
        </StackItem>
      )}
      {diff.removed.length > 0 && (
        <StackItem data-test="upgrade-diff-removed">
          <Label color="orange" isCompact>
            {t('No longer in the plan (kept until uninstall)')}
          </Label>
          <List isPlain>
            {diff.removed.map((o) => (
              <ListItem key={o.key}>
                {o.kind} {o.name}
              </ListItem>
            ))}
          </List>
        </StackItem>
      )}
    </Stack>
  );
};
