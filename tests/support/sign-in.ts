import type { Browser, Page } from 'playwright-core';

export interface BrowserPerson {
  email: string;
  password: string;
  /** The browser's language, which the app follows, e.g. `fi-FI`. */
  locale: string;
  /** Window width in CSS pixels: 360 for a phone. */
  width: number;
}

/** Opens a fresh browser context for the person and signs them in through the sign-in form. */
export async function signIn(browser: Browser, baseUrl: string, person: BrowserPerson) {
  const context = await browser.newContext({
    locale: person.locale,
    viewport: { width: person.width, height: 900 },
    acceptDownloads: true,
  });
  const page: Page = await context.newPage();
  await page.goto(`${baseUrl}/signin`);
  await page.locator('input[type="email"]').fill(person.email);
  await page.locator('input[type="password"]').fill(person.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  return page;
}
