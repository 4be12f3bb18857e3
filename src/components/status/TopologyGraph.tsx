import {
  action,
  ComponentFactory,
  createTopologyControlButtons,
  defaultControlButtonsOptions,
  DagreLayout,
  Decorator,
  DefaultEdge,
  DefaultNode,
  Dimensions,
  GraphComponent,
  GRAPH_LAYOUT_END_EVENT,
  GraphElement,
  LEFT_TO_RIGHT,
  ModelKind,
  Node,
  observer,
  SELECTION_EVENT,
  TopologyControlBar,
  TopologyView,
  Visualization,
  VisualizationProvider,
  VisualizationSurface,
  withPanZoom,
  withSelection,
  type WithSelectionProps,
} from '@patternfly/react-topology';
import { debounce } from '@patternfly/react-core';
import { ExternalLinkAltIcon } from '@patternfly/react-icons';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from '../../compat/console-api';
import type { InstanceStatus } from '../../engine/status/types';
import { graphModel, type NodeData } from './graph-model';
import { PodRing } from './PodRing';
import { useFontsGeneration } from './useFontsGeneration';

const ComponentNode = observer(
  ({ element, selected, onSelect }: { element: GraphElement } & WithSelectionProps) => {
    const { t } = useTranslation('plugin__clearml-console-plugin');
    const node = element as Node;
    const data = node.getData() as NodeData;
    const { width, height } = node.getDimensions();
    // A new label class makes the label measure its text again once fonts have loaded.
    const fonts = useFontsGeneration();
    return (
      <g data-test={`status-node-${data.status.component}`}>
        <DefaultNode
          element={node}
          selected={selected}
          onSelect={onSelect}
          showStatusDecorator
          secondaryLabel={data.status.state}
          labelClassName={`clearml-node-label fonts-${fonts}`}
          attachments={
            data.url ? (
              <Decorator
                x={width * 0.85}
                y={height * 0.15}
                radius={12}
                showBackground
                icon={<ExternalLinkAltIcon />}
                ariaLabel={t('Open {{url}}', { url: data.url })}
                onClick={(e) => {
                  e.stopPropagation();
                  window.open(data.url, '_blank', 'noopener,noreferrer');
                }}
              />
            ) : undefined
          }
        >
          <PodRing
            pods={data.status.pods}
            desired={data.status.desired}
            cx={width / 2}
            cy={height / 2}
            radius={width / 2 - 10}
          />
        </DefaultNode>
      </g>
    );
  },
);

/**
 * Room around the nodes when fitting, in pixels over both sides. The graph fits node shapes
 * only; the two-line labels below a node (name and state) need about half of it below the lowest node.
 */
const FIT_PADDING = 80;

/**
 * Tall enough for three nodes of a rank, their labels and the fit padding at scale 1, so the
 * labels keep their normal size at the default zoom (fit never zooms in beyond 1).
 */
const GRAPH_HEIGHT = 480;

const factory: ComponentFactory = (kind, type) => {
  if (kind === ModelKind.graph) return withPanZoom()(GraphComponent);
  if (type === 'component') return withSelection()(ComponentNode) as never;
  if (kind === ModelKind.edge) return DefaultEdge;
  return undefined;
};

interface TopologyGraphProps {
  status: InstanceStatus;
  selected?: string;
  onSelect: (id: string | undefined) => void;
}

/** One node per component, edges to what it waits for, Route decorators that open the URL. */
export const TopologyGraph = ({ status, selected, onSelect }: TopologyGraphProps) => {
  const controller = useMemo(() => {
    const v = new Visualization();
    // Nodes of one rank stack vertically; nodesep leaves room for the labels under them. No
    // force simulation after dagre (layoutOnDrag): it would push nodes about on every update.
    v.registerLayoutFactory(
      (_type, graph) =>
        new DagreLayout(graph, {
          rankdir: LEFT_TO_RIGHT,
          // The margin the layout keeps around each node (35 on every side by default,
          // @patternfly/react-topology 6.4.0 `layouts/BaseLayout.ts` LAYOUT_DEFAULTS), kept small
          // so the graph fits at scale 1 and its labels keep their size.
          nodeDistance: 10,
          nodesep: 40,
          // The nodes sit in the graph as a compound parent, and dagre (1.1 `nesting-graph.js`)
          // then spaces ranks three times apart: 30 gives 90 pixels between ranks.
          ranksep: 30,
          edgesep: 10,
          layoutOnDrag: false,
        }),
    );
    v.registerComponentFactory(factory);
    v.addEventListener(GRAPH_LAYOUT_END_EVENT, () => v.getGraph().fit(FIT_PADDING));
    return v;
  }, []);
  useEffect(() => {
    const listener = (ids: string[]) => onSelect(ids[0]);
    controller.addEventListener(SELECTION_EVENT, listener);
    return () => {
      controller.removeEventListener(SELECTION_EVENT, listener);
    };
  }, [controller, onSelect]);
  const model = useMemo(() => graphModel(status), [status]);
  // Status updates merge into the graph in place; when components or edges come or go (they
  // appear one by one while a deploy runs) the whole graph is laid out again.
  const shape = useRef('');
  useEffect(() => {
    const ids = [...(model.nodes ?? []), ...(model.edges ?? [])]
      .map((e) => e.id)
      .sort()
      .join(',');
    action(() => {
      controller.fromModel(model, true);
      if (ids !== shape.current) {
        shape.current = ids;
        controller.getGraph().layout();
      }
    })();
  }, [controller, model]);
  // The surface only records its new size when the area changes (e.g. the details panel
  // opens beside it); fit the graph into it again so no component ends up out of view. The
  // surface is watched too, once it exists: its size can settle after the area's (scroll bars,
  // the view's own layout), and a fit measured before that would leave nodes outside.
  const area = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = area.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    let last = '';
    let watched: Element | undefined;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const fitSurface = (again: boolean) => {
      const surface = el.querySelector<HTMLElement>('[data-test-id="topology"]');
      if (!surface || !controller.hasGraph()) return;
      if (surface !== watched) {
        watched = surface;
        observer.observe(surface);
      }
      const { clientWidth: width, clientHeight: height } = surface;
      if (!width || !height || (!again && `${width}x${height}` === last)) return;
      last = `${width}x${height}`;
      action(() => {
        const graph = controller.getGraph();
        graph.setDimensions(new Dimensions(width, height));
        graph.fit(FIT_PADDING);
      })();
    };
    const refit = debounce(() => {
      fitSurface(false);
      // Once more when the page has settled: a size that changes with no resize reported
      // after it (the surface measured mid-layout) would otherwise keep the first fit.
      clearTimeout(settle);
      settle = setTimeout(() => fitSurface(true), 500);
    }, 150);
    const observer = new ResizeObserver(refit);
    observer.observe(el);
    return () => {
      clearTimeout(settle);
      observer.disconnect();
    };
  }, [controller]);
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const controlButtons = useMemo(
    () =>
      createTopologyControlButtons({
        ...defaultControlButtonsOptions,
        zoomInTip: t('Zoom in'),
        zoomInAriaLabel: t('Zoom in'),
        zoomInCallback: action(() => controller.getGraph().scaleBy(4 / 3)),
        zoomOutTip: t('Zoom out'),
        zoomOutAriaLabel: t('Zoom out'),
        zoomOutCallback: action(() => controller.getGraph().scaleBy(0.75)),
        fitToScreenTip: t('Fit to screen'),
        fitToScreenAriaLabel: t('Fit to screen'),
        fitToScreenCallback: action(() => controller.getGraph().fit(FIT_PADDING)),
        resetViewTip: t('Reset view'),
        resetViewAriaLabel: t('Reset view'),
        resetViewCallback: action(() => {
          controller.getGraph().reset();
          controller.getGraph().layout();
        }),
        legend: false,
      }),
    [controller, t],
  );
  return (
    <div data-test="status-graph" style={{ height: GRAPH_HEIGHT }} ref={area}>
      <TopologyView controlBar={<TopologyControlBar controlButtons={controlButtons} />}>
        <VisualizationProvider controller={controller}>
          <VisualizationSurface state={{ selectedIds: selected ? [selected] : [] }} />
        </VisualizationProvider>
      </TopologyView>
    </div>
  );
};
