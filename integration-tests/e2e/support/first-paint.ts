/**
 * First meaningful paint of an instance's status panel, measured in the page: the moment every
 * component of the instance shows its state in the list and the graph, against the host's own
 * first contentful paint in the same load; and the timing of the Kubernetes list requests the
 * page sent (Resource Timing), to tell whether the initial lists went out at once.
 */
import type { Page } from 'playwright-core';

export interface FirstPaint {
  /** ms from navigation until every component shows its state. */
  panel: number;
  /** ms from navigation until the host's first contentful paint. */
  host: number;
  /** API requests (GETs and POSTs alike) started before the panel painted, in start order. */
  lists: { path: string; start: number; end: number }[];
}

/** Installs an observer that notes when `count` status rows and graph nodes show a state. */
export async function watchFirstPaint(page: Page, count: number): Promise<void> {
  await page.addInitScript((expected: number) => {
    const w = window as unknown as { __statusPaint?: number };
    const painted = () =>
      document.querySelectorAll('[data-test^="status-row-"] [data-test="component-state"]')
        .length >= expected &&
      document.querySelectorAll('[data-test="status-graph"] [data-test^="status-node-"]').length >=
        expected;
    new MutationObserver((_records, observer) => {
      if (w.__statusPaint === undefined && painted()) {
        w.__statusPaint = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  }, count);
}

/** Reads the figures once the panel has painted (waits for it). */
export async function readFirstPaint(page: Page): Promise<FirstPaint> {
  await page.waitForFunction(
    () => (window as unknown as { __statusPaint?: number }).__statusPaint !== undefined,
    undefined,
    { timeout: 60_000 },
  );
  return page.evaluate(() => {
    const panel = (window as unknown as { __statusPaint: number }).__statusPaint;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const lists = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .map((e) => ({ url: new URL(e.name), start: e.startTime, end: e.responseEnd }))
      .filter(
        (e) =>
          e.url.pathname.startsWith('/api/kubernetes/') &&
          !e.url.searchParams.has('watch') &&
          e.start < panel,
      )
      .map((e) => ({ path: e.url.pathname, start: e.start, end: e.end }))
      .sort((a, b) => a.start - b.start);
    return { panel, host: fcp, lists };
  });
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
