import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotDir } from '../support/browser';
import { useDemoApp } from '../support/demo-app';

describe('the demo organiser in the browser', () => {
  const app = useDemoApp();

  it('signs in, adds an agenda item to the demo fair and sees it listed, also after a reload', async () => {
    const context = await app.browser.newContext({
      locale: 'fi-FI',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/signin`);
    // The browser says Finnish; switching the language is part of what a person can do.
    await page.getByLabel('Kieli').selectOption('en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');

    await page.getByLabel('Email').fill('organiser@kohtaamo.example');
    await page.getByLabel('Password').fill(app.demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('link', { name: /Cooperation Fair/ }).click();
    await page.getByRole('link', { name: 'Manage this fair' }).click();
    await page.getByRole('heading', { level: 1, name: /Manage/ }).waitFor();

    const form = page.getByRole('form', { name: 'Add agenda item' });
    await form.getByLabel('Kind').selectOption({ label: 'Break' });
    await form.getByLabel('Title (English)').fill('Coffee and conversations');
    await form.getByLabel('Title (Finnish)').fill('Kahvia ja keskustelua');
    await form.getByLabel('Start').fill('2021-03-10T13:00');
    await form.getByLabel('End').fill('2021-03-10T13:20');
    await form.getByRole('button', { name: 'Add item' }).click();
    await page.getByText('Agenda item added.').waitFor();

    const agenda = page.getByRole('list', { name: 'Agenda items' });
    const added = agenda.getByRole('listitem').filter({ hasText: 'Coffee and conversations' });
    await expect.poll(() => added.count()).toBe(1);
    // Shown in the fair's time zone (Helsinki), in the order of the day: last, after the closing.
    await expect.poll(() => added.textContent()).toMatch(/13[.:]00/);
    const titles = await agenda.getByRole('heading', { level: 3 }).allTextContents();
    expect(titles.at(-1)).toBe('Coffee and conversations');
    await page.screenshot({
      path: path.join(screenshotDir, 'organiser-agenda.png'),
      fullPage: true,
    });

    await page.reload();
    await page.getByRole('list', { name: 'Agenda items' }).waitFor();
    const afterReload = page
      .getByRole('list', { name: 'Agenda items' })
      .getByRole('listitem')
      .filter({ hasText: 'Coffee and conversations' });
    expect(await afterReload.count()).toBe(1);
  });
});
