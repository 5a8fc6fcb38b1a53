import type { Page } from 'playwright-core';

/** What a screen reader would call the focused element, roughly: its label, else its text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return '';
    return (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
  });
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until the control named `name` has focus, as a
 * keyboard user would; fails if it is never reached, i.e. it cannot be reached by keyboard.
 */
export async function tabTo(
  page: Page,
  name: string,
  { backwards = false, maxPresses = 120 } = {},
): Promise<void> {
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`"${name}" was not reached with ${maxPresses} presses of Tab`);
}

/** The focused element's tag and text, e.g. `H1 Housing`. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element ? `${element.tagName} ${(element.textContent ?? '').trim()}`.trim() : '';
  });
}

/** How the focused element is outlined: the focus indicator a keyboard user follows. */
export function focusOutline(
  page: Page,
): Promise<{ style: string; widthPx: number; color: string }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    const style = element ? getComputedStyle(element) : null;
    return {
      style: style?.outlineStyle ?? 'none',
      widthPx: Number.parseFloat(style?.outlineWidth ?? '0'),
      color: style?.outlineColor ?? '',
    };
  });
}
