import type { PodSummary } from '../../engine/status/types';

export type Bucket = 'running' | 'notReady' | 'pending' | 'failed';

/** PatternFly status tokens, so the ring follows the light and dark themes. */
export const RING_COLOR: Record<Bucket, string> = {
  running: 'var(--pf-t--global--color--status--success--default)',
  notReady: 'var(--pf-t--global--color--status--info--default)',
  pending: 'var(--pf-t--global--color--nonstatus--gray--default)',
  failed: 'var(--pf-t--global--color--status--danger--default)',
};

export function bucketOf(p: PodSummary): Bucket {
  if (p.ready) return 'running';
  if (p.problem) return 'failed';
  if (p.phase === 'Pending') return 'pending';
  return 'notReady';
}

/** Counts of pods per ring colour. */
export function podBuckets(pods: PodSummary[]): Record<Bucket, number> {
  const out: Record<Bucket, number> = { running: 0, notReady: 0, pending: 0, failed: 0 };
  for (const p of pods) out[bucketOf(p)]++;
  return out;
}

interface PodRingProps {
  pods: PodSummary[];
  desired: number;
  cx: number;
  cy: number;
  radius: number;
  width?: number;
}

/** A donut of the component's pods coloured by state, with the ready count in the middle. */
export const PodRing = ({ pods, desired, cx, cy, radius, width = 6 }: PodRingProps) => {
  const buckets = podBuckets(pods);
  const total = Math.max(pods.length, desired, 1);
  const circumference = 2 * Math.PI * radius;
  let offset = 0;
  const segments = (Object.keys(buckets) as Bucket[])
    .filter((b) => buckets[b] > 0)
    .map((b) => {
      const length = (buckets[b] / total) * circumference;
      const seg = (
        <circle
          key={b}
          cx={cx}
          cy={cy}
          r={radius}
          fill="none"
          stroke={RING_COLOR[b]}
          strokeWidth={width}
          strokeDasharray={`${length} ${circumference - length}`}
          strokeDashoffset={-offset}
          transform={`rotate(-90 ${cx} ${cy})`}
        />
      );
      offset += length;
      return seg;
    });
  return (
    <g aria-hidden>
      <circle
        cx={cx}
        cy={cy}
        r={radius}
        fill="none"
        stroke="var(--pf-t--global--border--color--default)"
        strokeWidth={width}
      />
      {segments}
      <text
        x={cx}
        y={cy}
        textAnchor="middle"
        dominantBaseline="central"
        fill="var(--pf-t--global--text--color--regular)"
        fontSize={14}
      >
        {`${Math.min(buckets.running, desired)}/${desired}`}
      </text>
    </g>
  );
};
