import { describe, expect, it } from 'vitest';
import { createValues } from '../../engine';
import { storageTotal } from './totals';

describe('storage total', () => {
  it('counts only the volumes the instance creates, not the existing claims it mounts', () => {
    const sizes = { storage: { fileserver: { size: '10Gi' }, mongodb: { size: '10Gi' } } };
    const own = storageTotal(createValues(sizes));
    const adopted = storageTotal(
      createValues({
        storage: {
          fileserver: { size: '10Gi', existingClaim: { name: 'clearml-fileserver-data' } },
          mongodb: { size: '10Gi', existingClaim: { name: 'clearml-mongodb', ownerUid: 1001 } },
        },
      }),
    );
    expect(own - adopted).toBe(20 * 2 ** 30);
  });
});
