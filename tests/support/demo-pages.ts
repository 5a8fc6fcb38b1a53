import type { Page } from 'playwright-core';

/** From the fair list into the demo fair's Housing room, in English. */
export async function enterHousing(page: Page): Promise<void> {
  await page.getByRole('link', { name: /Cooperation Fair/ }).click();
  await page.getByRole('link', { name: 'Enter the fair' }).click();
  await page.getByRole('link', { name: 'Go to Housing' }).click();
  await page.getByRole('heading', { level: 1, name: /Housing/ }).waitFor();
}
