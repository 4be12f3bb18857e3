import { Alert, Stack, StackItem } from '@patternfly/react-core';
import type { Finding } from '../../engine/preflight/findings';

const VARIANT = { error: 'danger', warning: 'warning', info: 'success' } as const;

/** Preflight findings as inline alerts, blocking ones first. */
export const FindingsList = ({ findings }: { findings: Finding[] }) => {
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <Stack hasGutter data-test="preflight-findings">
      {sorted.map((f) => (
        <StackItem key={f.id}>
          <Alert
            isInline
            isPlain
            variant={VARIANT[f.severity]}
            title={f.message}
            data-test={`finding-${f.severity}`}
          />
        </StackItem>
      ))}
    </Stack>
  );
};
