import { describe, expect, it } from 'vitest';
import { findingLine } from './findings-text';

describe('findingLine', () => {
  it('gives blocking, warning and info findings their own mark and word', () => {
    const line = (severity: 'error' | 'warning' | 'info') =>
      findingLine({ id: 'x', area: 'storage', severity, message: 'Something.' });
    expect(line('error')).toBe('✗ blocking: Something.\n');
    expect(line('warning')).toBe('! warning: Something.\n');
    expect(line('info')).toBe('i info: Something.\n');
    expect(line('info')).not.toContain('✓');
  });
});
