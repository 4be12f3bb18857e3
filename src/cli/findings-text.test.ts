import { describe, expect, it } from 'vitest';
import { msg } from '../engine/messages/message';
import { finding } from '../engine/preflight/findings';
import { findingLine } from './findings-text';

describe('findingLine', () => {
  it('gives blocking, warning and info findings their own mark and word', () => {
    const line = (severity: 'error' | 'warning' | 'info') =>
      findingLine(finding('x', 'storage', severity, msg('preflight.quota.ok')));
    expect(line('error')).toBe('✗ blocking: The project quota has room for this plan.\n');
    expect(line('warning')).toBe('! warning: The project quota has room for this plan.\n');
    expect(line('info')).toBe('i info: The project quota has room for this plan.\n');
    expect(line('info')).not.toContain('✓');
  });
});
