// @vitest-environment jsdom
// Every sentence the engine says reaches the page through its message id: with a language in
// which every template is replaced by a marker, no English from the engine is left.
import { render, renderHook, screen } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { adminHandoff, sccGrantsOf } from '../../engine/deploy/grants';
import { releaseSccBindings } from '../../engine/deploy/release-scc-bindings';
import type { ClusterClient } from '../../engine/cluster/client';
import type { K8sObject, Workload } from '../../engine/k8s-types';
import { render as renderInstance } from '../../engine/render/render';
import { planScc } from '../../engine/scc/plan';
import { createValues } from '../../engine/values';
import { BAD_VALUES } from '../../engine/values/bad-values';
import type { FormInput } from '../model/form-values';
import { parseValuesYaml } from '../model/values-yaml';
import { ValuesYamlStep } from '../wizard/ValuesYamlStep';
import { HandoffPanel } from '../wizard/HandoffPanel';
import { useWizardForm } from '../wizard/useWizardForm';
import { chartInstall } from '../../engine/adopt/takeover-fixtures';
import { planTakeover } from '../../engine/adopt/takeover-plan';
import { readTakeoverInput } from '../../engine/adopt/takeover-read';
import { FakeClusterClient } from '../../test-support/fake-client';
import { TakeoverPlanView } from '../releases/TakeoverPlanView';
import { I18N_NAMESPACE, translateMessage } from './translate-message';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../../test-support/console-sdk'));

/** `⟦id⟧(param, …)` for every key of the English file: a translation without any English. */
function markedLanguage() {
  const english = i18next.getResourceBundle('en', I18N_NAMESPACE) as Record<string, string>;
  const marked = Object.fromEntries(
    Object.entries(english).map(([key, value]) => {
      const params = [...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => `{{${m[1]}}}`);
      return [key, `⟦${key.replace(/_(one|other)$/, '')}⟧(${params.join(', ')})`];
    }),
  );
  const instance = i18next.createInstance();
  void instance.init({
    lng: 'en',
    ns: [I18N_NAMESPACE],
    defaultNS: I18N_NAMESPACE,
    resources: { en: { [I18N_NAMESPACE]: marked } },
    keySeparator: false,
    nsSeparator: '~',
    interpolation: { escapeValue: false },
    initImmediate: false,
    showSupportNotice: false,
  });
  return instance;
}

const marked = markedLanguage();
const wrapper = ({ children }: { children: ReactNode }) => (
  <I18nextProvider i18n={marked}>{children}</I18nextProvider>
);

describe('engine sentences on the page', () => {
  it('shows every value problem of the wizard by its message id', () => {
    let count = 0;
    for (const input of BAD_VALUES.filter((v) => typeof v === 'object')) {
      const { result } = renderHook(() => useWizardForm(input as FormInput), { wrapper });
      for (const issue of result.current.issues) {
        expect(issue.message, issue.path).toMatch(/^⟦values\./);
        count += 1;
      }
      for (const [path, error] of Object.entries(result.current.errors)) {
        expect(error, path).toMatch(/^⟦values\./);
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it('shows the problems of edited values YAML by their message ids', async () => {
    for (const text of ['a: [', 'name: Bad_Name\nbogus: 1\n']) {
      const edit = parseValuesYaml(text, {});
      expect(edit.problems.length).toBeGreaterThan(0);
      const { unmount } = render(
        <ValuesYamlStep text={text} problems={edit.problems} onChange={() => undefined} />,
        { wrapper },
      );
      const items = await screen.findAllByTestId('values-yaml-problem');
      expect(items).toHaveLength(edit.problems.length);
      for (const item of items) expect(item.textContent).toMatch(/⟦values\./);
      for (const p of edit.problems) {
        expect(items.map((i) => i.textContent).join('\n')).not.toContain(p.message);
      }
      unmount();
    }
  });

  it('says why no SCC admits a pod with the admission rule translated too', () => {
    const workload = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'w' },
      spec: {
        template: {
          metadata: {},
          spec: {
            serviceAccountName: 'sa',
            containers: [
              {
                name: 'main',
                image: 'x',
                securityContext: { capabilities: { add: ['NET_ADMIN'] } },
              },
            ],
          },
        },
      },
    } as unknown as Workload;
    const [entry] = planScc([workload], { mode: 'least-privilege' });
    expect(entry.reason).toBe(
      'no SCC allowed in this mode admits it: container "main": capability NET_ADMIN may not be added (w)',
    );
    const said = translateMessage(marked.t, entry.i18n);
    expect(said).toContain('⟦scc.admit.capability⟧(⟦scc.where.container⟧(main), NET_ADMIN)');
    expect(said).not.toMatch(/may not be added/);
  });

  it("shows the hand-off's reasons from the binding's message ids, not its English", async () => {
    const objects = await renderInstance(createValues({ name: 'ml', namespace: 'team-a' }));
    const handoff = adminHandoff(sccGrantsOf(objects), 'team-a');
    const [grant] = handoff.grants;
    expect(grant.reason).toBeTruthy();
    expect(grant.i18n?.text).toBe(grant.reason);
    render(<HandoffPanel handoff={handoff} />, { wrapper });
    const item = screen.getByText(/⟦scc\.reasons⟧/);
    expect(item.textContent).not.toContain(grant.reason);
  });

  it("shows a take-over's steps and findings by their message ids", async () => {
    const client = new FakeClusterClient(chartInstall({ exposed: ['webserver'] }).objects);
    client.denied.add('patch deployments');
    const input = await readTakeoverInput(client, { release: 'clearml', namespace: 'clearml' });
    const plan = planTakeover(input!);
    render(<TakeoverPlanView plan={plan} steps={{}} />, { wrapper });
    for (const step of plan.steps) {
      const shown = screen.getByTestId(`take-over-step-${step.id}`).textContent ?? '';
      expect(shown).toContain(`⟦${step.i18n.id}⟧`);
      expect(shown).not.toContain(step.message);
    }
    const findings = screen.getByTestId('preflight-findings').textContent ?? '';
    expect(findings).toContain('⟦adopt.finding.denied⟧');
    for (const f of plan.findings) expect(findings).not.toContain(f.message);
  });

  it('ignores reasons someone else wrote into the annotation with unknown ids', async () => {
    const objects = await renderInstance(createValues({ name: 'ml', namespace: 'team-a' }));
    const [grant] = sccGrantsOf(objects);
    grant.binding.metadata.annotations!['clearml-console-plugin/reasons'] = JSON.stringify([
      { id: 'no.such.id', text: 'forged' },
    ]);
    const [shown] = adminHandoff([grant], 'team-a').grants;
    expect(shown.i18n).toBeUndefined();
    expect(shown.reason).toBeTruthy();
  });

  it('translates a failed release of an oc adm policy grant', async () => {
    const binding = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'system:openshift:scc:anyuid', namespace: 'team-a' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'system:openshift:scc:anyuid',
      },
      subjects: [{ kind: 'ServiceAccount', name: 'ml-apiserver', namespace: 'team-a' }],
    } as K8sObject;
    const client = {
      delete: () => Promise.reject(new Error('connection reset')),
    } as unknown as ClusterClient;
    const [outcome] = await releaseSccBindings(client, 'team-a', new Set(['ml-apiserver']), [
      binding,
    ]);
    expect(outcome.message).toBe(
      'Could not update RoleBinding team-a/system:openshift:scc:anyuid: connection reset A cluster administrator can run: oc adm policy remove-scc-from-user anyuid -z ml-apiserver -n team-a',
    );
    expect(outcome.i18n?.text).toBe(outcome.message);
    expect(translateMessage(marked.t, outcome.i18n!)).toMatch(
      /^⟦uninstall\.releaseFailed⟧\(⟦error\.other⟧\(⟦uninstall\.what\.update⟧/,
    );
  });
});
