/** Reading the state of the page's permission-gated buttons and menu items. */
import type { Locator } from 'playwright-core';

/** Whether a control is disabled (natively or with `aria-disabled`). */
export const isDisabled = async (control: Locator) =>
  (await control.isDisabled()) || (await control.getAttribute('aria-disabled')) === 'true';

/** The text a control's `aria-describedby` points at: why it is disabled, in words. */
export const describedBy = (control: Locator) =>
  control.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? document.getElementById(id)?.textContent : '') ?? '')
      .join(' ')
      .trim(),
  );

/** Whether the element's box lies inside the window (no scrolling needed to see it). */
export const inViewport = async (element: Locator, viewport: { width: number; height: number }) => {
  const box = await element.boundingBox();
  return (
    !!box &&
    box.y >= 0 &&
    box.x >= 0 &&
    box.y + box.height <= viewport.height + 1 &&
    box.x + box.width <= viewport.width + 1
  );
};
