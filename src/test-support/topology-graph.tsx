// Stand-in for the react-topology graph in jsdom (the library's ES build does not load under
// Node): draws the same model as plain SVG so tests see the nodes, their states and Route URLs.
import { graphModel, type NodeData } from '../components/status/graph-model';
import type { InstanceStatus } from '../engine/status/types';

export const TopologyGraph = ({
  status,
  onSelect,
}: {
  status: InstanceStatus;
  selected?: string;
  onSelect: (id: string | undefined) => void;
}) => {
  const model = graphModel(status);
  return (
    <div data-test="status-graph">
      <svg>
        {model.nodes?.map((n) => {
          const data = n.data as NodeData;
          return (
            <g key={n.id} data-test={`status-node-${n.id}`} onClick={() => onSelect(n.id)}>
              <text>{`${n.label} ${data.status.state}`}</text>
              {data.url && <a href={data.url}>{data.url}</a>}
            </g>
          );
        })}
        {model.edges?.map((e) => (
          <line key={e.id} data-test={`status-edge-${e.id}`} />
        ))}
      </svg>
    </div>
  );
};
