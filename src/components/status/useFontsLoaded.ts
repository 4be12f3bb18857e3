import { useEffect, useState } from 'react';

const settled = () =>
  typeof document === 'undefined' || !document.fonts || document.fonts.status === 'loaded';

/**
 * Whether the page's web fonts have finished loading. The topology labels measure their text
 * once, with `getBBox()`; while a font is still loading the browser reports a zero-width box,
 * and the label keeps a collapsed background unless something makes it measure again.
 */
export function useFontsLoaded(): boolean {
  const [loaded, setLoaded] = useState(settled);
  useEffect(() => {
    if (loaded) return undefined;
    let live = true;
    void document.fonts.ready.then(() => {
      if (live) setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [loaded]);
  return loaded;
}
