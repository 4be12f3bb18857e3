// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { createPortal as reactDomCreatePortal } from 'react-dom';
import { createPortal } from './react-dom-portal';

describe('createPortal stand-in', () => {
  it('builds the same element as react-dom, which React mounts into the container', () => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const ours = createPortal(<span>in a portal</span>, container, 'k');
    const theirs = reactDomCreatePortal(<span>in a portal</span>, container, 'k');
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    expect(ours).toMatchObject({ key: 'k', containerInfo: container });
    expect((ours as unknown as { $$typeof: symbol }).$$typeof).toBe(
      (theirs as unknown as { $$typeof: symbol }).$$typeof,
    );
    render(<div>{ours}</div>);
    expect(screen.getByText('in a portal').parentElement).toBe(container);
  });

  it('refuses a target that is not a DOM node, like react-dom', () => {
    expect(() => createPortal(null, {} as Element)).toThrow(/not a DOM element/);
  });
});
