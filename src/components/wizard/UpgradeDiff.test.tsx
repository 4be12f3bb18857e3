// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { K8sObject } from '../../engine';
import type { DryRun } from '../../hooks/useDryRun';
import type { PlanCheck } from '../../hooks/usePlanCheck';
import { renderWithClient } from '../../test-support/render';
import { UpgradeDiff } from './UpgradeDiff';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../../test-support/console-sdk'));

const deployment = (replicas: number): K8sObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'clearml-apiserver',
      namespace: 'team-a',
      labels: { 'app.kubernetes.io/instance': 'clearml' },
    },
    spec: { replicas },
  }) as K8sObject;

const check: PlanCheck = {
  loading: false,
  objects: [deployment(2)],
  live: new Map([['Deployment/clearml-apiserver', deployment(1)]]),
  refresh: () => undefined,
};

const dryRun: DryRun = {
  rows: [
    {
      key: 'Deployment/clearml-apiserver',
      object: deployment(2),
      state: 'ok',
      change: 'changed',
      result: deployment(2),
    },
  ],
  running: false,
  done: true,
  run: () => undefined,
};

describe('the upgrade diff', () => {
  it('names each changed object in a collapsed section that says so, and opens on a click', async () => {
    renderWithClient(<UpgradeDiff check={check} dryRun={dryRun} />);
    const toggle = await screen.findByRole('button', {
      name: 'Deployment clearml-apiserver: 1 field',
    });
    // Announced as collapsed before any click, not only after the first one.
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('spec.replicas: 1 → 2')).not.toBeVisible();

    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('spec.replicas: 1 → 2')).toBeVisible();
  });
});
