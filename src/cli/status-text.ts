/** One component of the status model as a terminal line. */
import type { ComponentStatus } from '../engine/status/types';

export const STATE_MARK = { Ready: '✓', Progressing: '…', Degraded: '!', Failed: '✗' } as const;

export const componentLine = (c: ComponentStatus) =>
  `  ${STATE_MARK[c.state]} ${c.displayName.padEnd(14)} ${c.state.padEnd(11)} ${c.ready}/${c.desired}  ${c.reason}`;
