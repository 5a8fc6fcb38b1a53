import axe, { type AxeResults, type RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** What the suite reports of one axe violation: enough to find and fix it. */
export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The impacts that fail the suite; minor and moderate ones are left to judgement. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe-core inside the page as it is now (WCAG 2.1 A and AA rules and axe's best practices)
 * and returns its serious and critical violations. axe is injected on each call, since a full
 * page load (a sign-in, a reload) drops it.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const present = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy (script-src
  // 'self') refuses an inline script tag, and rightly so for anything a page would inject.
  if (!present) await page.evaluate(axe.source);
  const found = await page.evaluate(async () => {
    const runner = (
      window as unknown as {
        axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
      }
    ).axe;
    const results = await runner.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  return found.filter((violation) => BLOCKING_IMPACTS.has(violation.impact));
}

/** One line per violation, so a failing assertion says what to fix where. */
export function describeViolations(violations: readonly Violation[]): string[] {
  return violations.map(
    ({ id, impact, help, targets }) => `${impact} ${id} (${help}): ${targets.join(', ')}`,
  );
}

/** The page's serious and critical violations, named by the screen they were found on. */
export async function auditScreen(page: Page, screen: string): Promise<string[]> {
  return describeViolations(await seriousViolations(page)).map((line) => `${screen}: ${line}`);
}
