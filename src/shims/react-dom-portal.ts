/**
 * What PatternFly needs from `react-dom` in the plugin bundle: `createPortal` only (Popper,
 * Modal, AlertGroup, Toolbar). The console shares React but not react-dom, so without this a
 * second react-dom would be bundled. A portal is a plain element that the console's own renderer
 * mounts into `containerInfo`; this builds the same object react-dom 18's `createPortal` does.
 */
import type { ReactNode, ReactPortal } from 'react';

const REACT_PORTAL_TYPE = Symbol.for('react.portal');

const isValidContainer = (node: unknown): node is Element | DocumentFragment =>
  typeof node === 'object' &&
  node !== null &&
  [1, 9, 11].includes((node as { nodeType?: number }).nodeType ?? 0);

export function createPortal(
  children: ReactNode,
  container: Element | DocumentFragment,
  key?: string | null,
): ReactPortal {
  if (!isValidContainer(container)) {
    throw new Error('Target container is not a DOM element.');
  }
  return {
    $$typeof: REACT_PORTAL_TYPE,
    key: key == null ? null : String(key),
    children,
    containerInfo: container,
    implementation: null,
  } as unknown as ReactPortal;
}
