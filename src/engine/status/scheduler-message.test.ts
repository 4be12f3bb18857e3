import { describe, expect, it } from 'vitest';
import { SCHEDULER_MESSAGES, unschedulable } from './fixtures';
import { podProblem } from './pod-problems';
import { schedulerReason } from './scheduler-message';

describe('schedulerReason', () => {
  it('drops the preemption part and says unbound volumes in words, without stray fragments', () => {
    const reason = schedulerReason(SCHEDULER_MESSAGES.unboundVolume);
    expect(reason).toBe('its volume is not bound yet');
  });

  it('names a missing claim and joins several causes once each', () => {
    expect(
      schedulerReason(
        '0/3 nodes are available: persistentvolumeclaim "ml-mongodb-data" not found, 2 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found.',
      ),
    ).toBe('volume claim ml-mongodb-data does not exist; no node has enough free memory');
  });

  it('says a missing GPU plainly and drops the clause the resource claims plugin adds', () => {
    expect(schedulerReason(SCHEDULER_MESSAGES.noGpu)).toBe('no node with nvidia.com/gpu available');
  });

  it('keeps an unknown cause as it is, without a trailing full stop', () => {
    expect(schedulerReason('0/1 nodes are available: 1 node(s) were unschedulable.')).toBe(
      'node(s) were unschedulable',
    );
    expect(schedulerReason(undefined)).toBe('no node fits it');
  });

  it('gives pods that cannot be scheduled one clean sentence', () => {
    const problem = podProblem({
      metadata: { name: 'ml-mongodb-0' },
      status: unschedulable(SCHEDULER_MESSAGES.unboundVolume),
    } as never);
    expect(problem?.sentence).toBe(
      'Pod ml-mongodb-0 cannot be scheduled: its volume is not bound yet.',
    );
    expect(problem?.sentence).not.toMatch(/\.\s*\w+.*\.$|\.\./);
  });
});
