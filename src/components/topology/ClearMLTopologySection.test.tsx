// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryRouter } from 'react-router';
import * as topologyModule from './ClearMLTopologySection';
import { clearMLTopologySection, useClearMLTopologySection } from './ClearMLTopologySection';
import * as iconModule from '../ClearMLIcon';

const root = join(__dirname, '..', '..', '..');

const node = (labels: Record<string, string>, namespace = 'team-a') => ({
  getData: () => ({ resource: { metadata: { name: 'ml-apiserver', namespace, labels } } }),
});

const clearml = {
  'app.kubernetes.io/instance': 'ml',
  'app.kubernetes.io/managed-by': 'clearml-console-plugin',
  'app.kubernetes.io/part-of': 'ml',
};

describe('Topology side panel section', () => {
  it('links any node of a ClearML instance to the ClearML page of that instance', () => {
    const [section, loaded] = useClearMLTopologySection(node(clearml));
    expect(loaded).toBe(true);
    render(<MemoryRouter>{section}</MemoryRouter>);
    expect(screen.getByTestId('clearml-topology-link')).toHaveAttribute(
      'href',
      '/clearml/ns/team-a?instance=ml&namespace=team-a',
    );
    expect(screen.getByTestId('clearml-topology-section')).toHaveTextContent(
      'Part of ClearML instance ml.',
    );
  });

  it('adds nothing to other workloads', () => {
    expect(useClearMLTopologySection(node({ 'app.kubernetes.io/instance': 'ml' }))[0]).toBe(
      undefined,
    );
    expect(useClearMLTopologySection({ getData: () => undefined })[0]).toBe(undefined);
    expect(clearMLTopologySection(node({}))).toBeNull();
  });
});

describe('console-extensions.json', () => {
  const extensions = JSON.parse(readFileSync(join(root, 'console-extensions.json'), 'utf8')) as {
    type: string;
    properties: Record<string, unknown>;
  }[];
  const exposed = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).consolePlugin
    .exposedModules as Record<string, string>;
  const modules: Record<string, Record<string, unknown>> = {
    ClearMLTopology: topologyModule,
    ClearMLIcon: iconModule,
  };
  const refOf = (value: unknown) => (value as { $codeRef: string }).$codeRef.split('.');

  it('contributes the section to the Resources tab of the Topology side panel', () => {
    const section = extensions.find((e) => e.type === 'console.topology/details/tab-section');
    expect(section?.properties.tab).toBe('topology-side-bar-tab-resource');
    for (const key of ['provider', 'section']) {
      const [module, name] = refOf(section?.properties[key]);
      expect(exposed[module]).toBe('./components/topology/ClearMLTopologySection');
      expect(typeof modules[module][name]).toBe('function');
    }
  });

  it('gives the +Add card the ClearML icon in the Developer Catalog group', () => {
    const card = extensions.find((e) => e.type === 'dev-console.add/action');
    expect(card?.properties.groupId).toBe('developer-catalog');
    const [module, name] = refOf(card?.properties.icon);
    expect(exposed[module]).toBe('./components/ClearMLIcon');
    render(<>{modules[module][name] as JSX.Element}</>);
    expect(screen.getByTestId('clearml-icon')).toHaveAttribute('aria-label', 'ClearML');
  });
});
