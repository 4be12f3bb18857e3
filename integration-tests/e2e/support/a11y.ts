/** axe-core in the page; returns the violations of impact serious or critical. */
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
};

export const seriousViolations = async (page: Page, selector = 'body'): Promise<AxeViolation[]> => {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: axeSource });
  }
  const violations = await page.evaluate(async (context) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const axe = (window as any).axe;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations as AxeViolation[];
  }, selector);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
};

export const formatViolations = (violations: AxeViolation[]) =>
  violations
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
    )
    .join('\n');
