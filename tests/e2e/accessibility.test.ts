/**
 * Accessibility of the main screens in a real browser: axe-core finds no serious or critical
 * violation on any of them (a failure lists each one: rule, impact, help and where).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { auditScreen } from '../support/axe';
import { screenshotDir } from '../support/browser';
import { useDemoApp } from '../support/demo-app';
import { enterHousing } from '../support/demo-pages';
import { signIn } from '../support/sign-in';

const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshotDir, name), fullPage: true });

describe('accessibility of the main screens', () => {
  const app = useDemoApp();
  const person = (email: string, width = 1280) =>
    signIn(app.browser, app.baseUrl, {
      email,
      password: app.demoPassword,
      locale: 'en-GB',
      width,
    });

  it(
    'finds no serious or critical axe violation from sign-in to the registration form',
    { timeout: 60_000 },
    async () => {
      const context = await app.browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      const found: string[] = [];
      await page.goto(`${app.baseUrl}/signin`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      found.push(...(await auditScreen(page, 'sign-in')));
      await page.goto(app.inviteUrl);
      await page.getByRole('heading', { level: 2, name: 'Themes', exact: true }).waitFor();
      found.push(...(await auditScreen(page, 'invite')));
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
      found.push(...(await auditScreen(page, 'sign-up')));
      // With an account, the invite page offers the registration form.
      await page.getByLabel('Name').fill('Aino Virtanen');
      await page.getByLabel('Email').fill('aino@example.fi');
      await page.getByLabel('Password').fill('a-long-enough-password');
      await page.getByRole('button', { name: 'Create an account' }).click();
      await page.getByRole('heading', { level: 2, name: 'Register' }).waitFor();
      found.push(...(await auditScreen(page, 'registration form')));
      // A refused form: the notes beside the fields are part of what must be accessible.
      await page.getByLabel('Name').fill('');
      await page.getByRole('button', { name: 'Register' }).click();
      await page.getByRole('alert').first().waitFor();
      found.push(...(await auditScreen(page, 'registration form with errors')));
      await context.close();
      expect(found).toEqual([]);
    },
  );

  it(
    'finds no serious or critical axe violation in the live fair of a participant',
    { timeout: 120_000 },
    async () => {
      const found: string[] = [];
      const leila = await person('leila@kohtaamo.example');
      const matti = await person('matti@kohtaamo.example');
      found.push(...(await auditScreen(leila, 'my fairs')));
      await leila.getByRole('link', { name: /Cooperation Fair/ }).click();
      await leila.getByRole('heading', { level: 2, name: 'Themes', exact: true }).waitFor();
      found.push(...(await auditScreen(leila, 'fair page')));
      await leila.getByRole('link', { name: 'Enter the fair' }).click();
      await leila.getByRole('heading', { level: 1, name: /lobby/ }).waitFor();
      await leila.getByRole('heading', { level: 3, name: 'Housing', exact: true }).waitFor();
      found.push(...(await auditScreen(leila, 'lobby')));

      await leila.getByRole('link', { name: 'Go to Housing' }).click();
      await leila.getByRole('heading', { level: 1, name: /Housing/ }).waitFor();
      await leila.getByRole('button', { name: 'Sit down: 1' }).waitFor();
      found.push(...(await auditScreen(leila, 'room')));

      await leila.getByRole('button', { name: 'Sit down: 1' }).click();
      await leila.getByRole('button', { name: 'Join the call' }).waitFor();
      found.push(...(await auditScreen(leila, 'device check')));
      await leila.getByRole('button', { name: 'Join the call' }).click();

      await enterHousing(matti);
      await matti.getByRole('button', { name: 'Sit down: 1' }).click();
      await matti.getByRole('button', { name: 'Join the call' }).click();
      await leila.locator('video[data-testid="call-video"]:not(.mirrored)').waitFor();
      const leilasTable = leila.getByRole('region', { name: 'At your table now' });
      await leilasTable.getByRole('button', { name: 'Ask Matti Korhonen for their card' }).click();
      await leilasTable.getByRole('button', { name: 'Send request' }).waitFor();
      found.push(...(await auditScreen(leila, 'table with the call')));
      await screenshot(leila, 'a11y-table.png');

      await leilasTable.getByRole('button', { name: 'Send request' }).click();
      await leila.getByText('Request sent to Matti Korhonen.').waitFor();
      const requests = matti.getByRole('region', { name: 'Request waiting for your answer' });
      await requests.waitFor();
      found.push(...(await auditScreen(matti, 'table with a request waiting')));
      await requests.getByRole('button', { name: 'Accept the request from Leila Hassan' }).click();
      await leilasTable.getByText('You have exchanged cards.').waitFor();
      const leilasMet = leila.getByRole('region', { name: 'People I met' });
      await expect.poll(() => leilasMet.textContent()).toContain('Matti Korhonen');
      found.push(...(await auditScreen(leila, 'people I met')));

      await leila.getByRole('link', { name: 'My card and contacts' }).click();
      await leila.getByRole('link', { name: 'Download all (vCard)' }).waitFor();
      found.push(...(await auditScreen(leila, 'contacts and exports')));
      await leila.getByRole('button', { name: 'Edit card' }).click();
      await leila.getByRole('button', { name: 'Save card' }).waitFor();
      found.push(...(await auditScreen(leila, 'card form')));
      await screenshot(leila, 'a11y-contacts.png');

      expect(found).toEqual([]);
      await leila.context().close();
      await matti.context().close();
    },
  );

  it(
    'finds no serious or critical axe violation on the organiser’s pages',
    { timeout: 120_000 },
    async () => {
      const found: string[] = [];
      const olli = await person('organiser@kohtaamo.example');
      await olli.getByRole('link', { name: /Cooperation Fair/ }).click();
      await olli.getByRole('link', { name: 'Manage this fair' }).click();
      await olli.getByRole('heading', { level: 1, name: /Manage/ }).waitFor();
      found.push(...(await auditScreen(olli, 'manage')));

      await olli.getByRole('link', { name: 'Live dashboard (while the fair is on)' }).click();
      await olli.getByRole('heading', { level: 1, name: /Live dashboard/ }).waitFor();
      await olli.getByRole('list', { name: 'Housing', exact: true }).waitFor();
      found.push(...(await auditScreen(olli, 'live dashboard')));
      await screenshot(olli, 'a11y-dashboard.png');

      // A message to the whole fair reaches a participant's screen reader through a live region.
      const sara = await person('sara@kohtaamo.example');
      await sara.getByRole('link', { name: /Cooperation Fair/ }).click();
      await sara.getByRole('link', { name: 'Enter the fair' }).click();
      // The stage's count shows once her live connection has the lobby: from then on she hears.
      await sara.getByText(/^\d+ (person|people) watching$/).waitFor();
      await olli.getByRole('textbox', { name: 'Message' }).fill('Coffee is served in the lobby');
      await olli.getByRole('button', { name: 'Send the message' }).click();
      await sara.getByRole('status').filter({ hasText: 'Coffee is served in the lobby' }).waitFor();
      found.push(...(await auditScreen(sara, 'lobby with a message')));
      await sara.context().close();

      await olli.goBack();
      await olli.getByRole('link', { name: 'Report: new actors met' }).click();
      await olli.getByRole('region', { name: 'Summary' }).waitFor();
      found.push(...(await auditScreen(olli, 'report')));

      expect(found).toEqual([]);
      await olli.context().close();
    },
  );
});
