import { useEffect, useState } from 'react';

/**
 * A number that grows each time the page finishes loading web fonts. The topology labels
 * measure their text once, with `getBBox()`, and a font that is still loading measures as zero
 * width (the first graph often asks for a face the page has not used yet), so the label keeps a
 * collapsed box; passing this number into the label's class name makes it measure again.
 */
export function useFontsGeneration(): number {
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const fonts = typeof document === 'undefined' ? undefined : document.fonts;
    if (!fonts) return undefined;
    let live = true;
    const loaded = () => {
      if (live) setGeneration((g) => g + 1);
    };
    fonts.addEventListener('loadingdone', loaded);
    // A load the first render started may be under way already.
    if (fonts.status === 'loading') void fonts.ready.then(loaded);
    return () => {
      live = false;
      fonts.removeEventListener('loadingdone', loaded);
    };
  }, []);
  return generation;
}
