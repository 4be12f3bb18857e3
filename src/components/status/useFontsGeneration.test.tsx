// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { useFontsGeneration } from './useFontsGeneration';

const Probe = () => <span data-test="generation">{useFontsGeneration()}</span>;

/** A stand-in for `document.fonts`: status, `ready`, and `loadingdone` listeners. */
function fakeFonts(status: 'loading' | 'loaded') {
  const target = new EventTarget();
  let done!: () => void;
  const ready = new Promise<void>((resolve) => (done = resolve));
  const fonts = Object.assign(target, { status, ready });
  Object.defineProperty(document, 'fonts', { configurable: true, value: fonts });
  return { fonts, ready, done };
}

describe('useFontsGeneration', () => {
  afterEach(() => {
    delete (document as { fonts?: unknown }).fonts;
  });

  it('stays 0 where the document has no font loading API', () => {
    render(<Probe />);
    expect(screen.getByTestId('generation')).toHaveTextContent('0');
  });

  it('grows when a load under way at mount finishes', async () => {
    const { ready, done } = fakeFonts('loading');
    render(<Probe />);
    expect(screen.getByTestId('generation')).toHaveTextContent('0');
    await act(async () => {
      done();
      await ready;
    });
    expect(screen.getByTestId('generation')).toHaveTextContent('1');
  });

  it('grows on every later loadingdone', () => {
    const { fonts } = fakeFonts('loaded');
    render(<Probe />);
    act(() => {
      fonts.dispatchEvent(new Event('loadingdone'));
    });
    act(() => {
      fonts.dispatchEvent(new Event('loadingdone'));
    });
    expect(screen.getByTestId('generation')).toHaveTextContent('2');
  });
});
