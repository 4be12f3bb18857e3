import { describe, expect, it } from 'vitest';
import { list, msg } from './message';

describe('engine messages', () => {
  it('carry their id and parameters and the English text for the CLI', () => {
    const m = msg('status.pvc.waiting', { pvc: 'clearml-mongodb-data', storageClass: 'fast' });
    expect(m).toEqual({
      id: 'status.pvc.waiting',
      params: { pvc: 'clearml-mongodb-data', storageClass: 'fast' },
      text: 'Volume clearml-mongodb-data is waiting for storage from StorageClass fast.',
    });
  });

  it('pick the plural English by count and put nested messages and lists into words', () => {
    expect(msg('status.restarts', { count: 1 }).text).toBe('1 container restart so far');
    expect(msg('status.restarts', { count: 3 }).text).toBe('3 container restarts so far');
    const running = msg('status.running', {
      image: 'mongo:7.0.22',
      steady: msg('status.restarts', { count: 2 }),
    });
    expect(running.text).toBe('Running mongo:7.0.22, 2 container restarts so far.');
    const waiting = msg('status.waitingFor', { components: list(['MongoDB', 'Redis']) });
    expect(waiting.text).toBe('Waiting for MongoDB, Redis to be ready.');
  });
});
