import { parseValues } from '../../engine';
import { addAgent, freeAgentName, parseQueues, removeAgent } from './agent-form';
import { setIn } from './form-values';

describe('agent edits of the values input', () => {
  it('names added agents after the preset, then -2, -3', () => {
    expect(freeAgentName([], 'cpu')).toBe('cpu');
    expect(freeAgentName(['cpu', 'cpu-2'], 'cpu')).toBe('cpu-3');
    let input = addAgent({ name: 'ml' }, 'cpu');
    input = addAgent(input, 'cpu');
    input = addAgent(input, 'blank');
    expect(input.agents?.map((a) => [a.name, a.queues])).toEqual([
      ['cpu', ['default']],
      ['cpu-2', ['default']],
      ['agent', []],
    ]);
  });

  it('keeps a list a list when a field inside one of its items is set', () => {
    const input = addAgent(addAgent({ name: 'ml' }, 'cpu'), 'gpu');
    const next = setIn(input, 'agents.1.taskPod.image', 'quay.io/team/cuda:12');
    expect(Array.isArray(next.agents)).toBe(true);
    expect(next.agents?.[1].taskPod?.image).toBe('quay.io/team/cuda:12');
    expect(next.agents?.[1].taskPod?.gpus).toBe(1);
    const cleared = setIn(next, 'agents.0.maxPods', undefined);
    expect(cleared.agents?.[0]).toEqual({ name: 'cpu', queues: ['default'] });
    expect(parseValues(cleared).ok).toBe(true);
  });

  it('leaves no agents field once the last agent is removed', () => {
    const input = addAgent({ name: 'ml' }, 'gpu');
    expect(removeAgent(input, 0)).toEqual({ name: 'ml' });
  });

  it('reads comma-separated queues without empty names', () => {
    expect(parseQueues(' train, eval ,, ')).toEqual(['train', 'eval']);
    expect(parseQueues('')).toEqual([]);
  });
});
