// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { useFontsLoaded } from './useFontsLoaded';

const Probe = () => <span data-test="fonts">{useFontsLoaded() ? 'loaded' : 'loading'}</span>;

describe('useFontsLoaded', () => {
  afterEach(() => {
    delete (document as { fonts?: unknown }).fonts;
  });

  it('is true where the document has no font loading API', () => {
    render(<Probe />);
    expect(screen.getByTestId('fonts')).toHaveTextContent('loaded');
  });

  it('turns true once the fonts that were loading are ready', async () => {
    let done!: () => void;
    const ready = new Promise<void>((resolve) => (done = resolve));
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { status: 'loading', ready },
    });
    render(<Probe />);
    expect(screen.getByTestId('fonts')).toHaveTextContent('loading');
    await act(async () => {
      done();
      await ready;
    });
    expect(screen.getByTestId('fonts')).toHaveTextContent('loaded');
  });
});
