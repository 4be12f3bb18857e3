/**
 * Colour contrast of SVG text, which axe-core's `color-contrast` rule does not check: the status
 * graph's labels are SVG. For each visible `<text>` under the root, the text colour is its computed
 * `fill`; the background is the fill of the label's own background shape when it has one, else the
 * first opaque `background-color` among its HTML ancestors. Ratios follow WCAG 2.x.
 */
import type { Locator } from 'playwright-core';

export type TextContrast = { text: string; fill: string; background: string; ratio: number };

export const svgTextContrast = (root: Locator): Promise<TextContrast[]> =>
  root.evaluate((rootEl) => {
    const parse = (css: string): [number, number, number, number] | null => {
      const m = css.match(
        /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/,
      );
      if (!m) return null;
      const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : +m[4];
      return [+m[1], +m[2], +m[3], alpha];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const pageBackground = (el: Element) => {
      for (let n: Element | null = el; n; n = n.parentElement) {
        if (n instanceof SVGElement) continue;
        const bg = getComputedStyle(n).backgroundColor;
        const c = parse(bg);
        if (c && c[3] > 0.5) return bg;
      }
      return getComputedStyle(document.body).backgroundColor;
    };
    const labelBackground = (text: Element) => {
      const label = text.closest('.pf-topology__node__label');
      const shape = label?.querySelector('.pf-topology__node__label__background');
      const fill = shape ? getComputedStyle(shape).fill : '';
      const c = parse(fill);
      return c && c[3] > 0.5 ? fill : pageBackground(text);
    };
    return [...rootEl.querySelectorAll('text')]
      .filter((t) => (t.textContent ?? '').trim() && t.getBoundingClientRect().width > 0)
      .map((t) => {
        const fill = getComputedStyle(t).fill;
        const background = labelBackground(t);
        const fg = parse(fill);
        const bg = parse(background);
        let ratio = 0;
        if (fg && bg) {
          const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
          ratio = Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100;
        }
        return { text: (t.textContent ?? '').trim(), fill, background, ratio };
      });
  });

/** The relative luminance (0 black … 1 white) of an element's effective background. */
export const backgroundLuminance = (target: Locator): Promise<number> =>
  target.evaluate((el) => {
    for (let n: Element | null = el; n; n = n.parentElement) {
      const m = getComputedStyle(n).backgroundColor.match(
        /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?/,
      );
      if (m && (m[4] === undefined || +m[4] > 0.5)) {
        const lin = (c: number) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * lin(+m[1]) + 0.7152 * lin(+m[2]) + 0.0722 * lin(+m[3]);
      }
    }
    return 1;
  });
