import type { Page } from 'playwright-core';

/** How the page fits the window's width. */
export interface WidthReport {
  /** The page as a whole scrolls sideways. */
  scrollsSideways: boolean;
  /** Elements reaching past the window's edges, outside any region that scrolls on purpose. */
  tooWide: string[];
}

/**
 * Measures whether anything on the page is wider than the window. Content inside an element
 * that clips or scrolls sideways (a table's scroll region, the chat log) is that region's own
 * business and is not counted; the region itself is. Visually hidden text is skipped.
 */
export function measureWidth(page: Page): Promise<WidthReport> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const viewport = document.documentElement.clientWidth;
    const clipsSideways = (element: Element) =>
      ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(element).overflowX);
    const insideScrollRegion = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (parent === document.body || parent === document.documentElement) return false;
        if (clipsSideways(parent)) return true;
      }
      return false;
    };
    const describe = (element: Element, right: number) => {
      const classes = element.classList.length ? `.${Array.from(element.classList).join('.')}` : '';
      const text = (element.textContent ?? '').trim().slice(0, 40);
      return `${element.tagName.toLowerCase()}${classes} "${text}" reaches ${Math.round(right)}px`;
    };
    const tooWide: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.position === 'fixed') continue;
      if (box.right <= viewport + 0.5 && box.left >= -0.5) continue;
      // The skip link waits above the page until it is focused.
      if (box.bottom < 0) continue;
      if (insideScrollRegion(element)) continue;
      tooWide.push(describe(element, box.right));
    }
    return { scrollsSideways: root.scrollWidth > root.clientWidth, tooWide };
  });
}
