import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { personalDataExportSchema } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import { screenshotDir } from '../support/browser';
import { useDemoApp } from '../support/demo-app';
import { signIn } from '../support/sign-in';

const FAIR_TITLE = 'Cooperation Fair — Yhteistyömessut 2021';
const PARTICIPANT = 'matti@kohtaamo.example';

describe('data protection in the browser', () => {
  const app = useDemoApp();
  const person = (email: string) => ({
    email,
    password: app.demoPassword,
    locale: 'en-GB',
    width: 1280,
  });

  it('a participant downloads their data, then deletes their account with their password', async () => {
    const page = await signIn(app.browser, app.baseUrl, person(PARTICIPANT));
    await page.getByRole('link', { name: 'My account' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download my data' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kohtaamo-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const data = personalDataExportSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    expect(data.account.email).toBe(PARTICIPANT);
    expect(data.fairs.map((entry) => entry.fair.title)).toEqual([FAIR_TITLE]);

    // The dialog takes focus at the password, and Escape gives it back to the button.
    const opener = page.getByRole('button', { name: 'Delete my account…' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Delete my account' });
    const password = dialog.getByLabel('Password');
    await expect
      .poll(() => password.evaluate((input) => input === document.activeElement))
      .toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => opener.evaluate((button) => button === document.activeElement))
      .toBe(true);

    await page.keyboard.press('Enter');
    await password.fill('not the password');
    await page.keyboard.press('Enter');
    // A wrong password is explained next to the field it belongs to.
    await dialog.getByText('Your password is not right.', { exact: false }).waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    await password.fill(app.demoPassword);
    await page.screenshot({ path: path.join(screenshotDir, 'account-delete-dialog.png') });
    await dialog.getByRole('button', { name: 'Delete my account for good' }).click();

    await page.getByRole('heading', { level: 1, name: 'Your account was deleted' }).waitFor();
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL((url) => url.pathname === '/signin');
    const signInAgain = await page.request.post(`${app.baseUrl}/api/auth/signin`, {
      data: { email: PARTICIPANT, password: app.demoPassword },
    });
    expect(signInAgain.status()).toBe(401);
    await page.context().close();
  });

  it('an organiser closes the fair, erases its personal data after typing its name, and keeps the report', async () => {
    const page = await signIn(app.browser, app.baseUrl, person('organiser@kohtaamo.example'));
    await page.getByRole('link', { name: /Cooperation Fair/ }).click();
    await page.waitForURL(/\/fairs\/[^/]+$/);
    await page.goto(`${page.url()}/manage`);
    await page.getByRole('heading', { level: 1, name: new RegExp(FAIR_TITLE) }).waitFor();

    const erase = page.getByRole('region', { name: 'Erase personal data' });
    await erase.getByText('Only a closed fair can be erased.', { exact: false }).waitFor();
    // The demo fair is open: start it, then close it.
    const status = page.getByRole('region', { name: 'Status of the fair' });
    await status.getByRole('button', { name: 'Start the fair' }).click();
    await status.getByRole('button', { name: 'Yes, start the fair' }).click();
    await status.getByRole('button', { name: 'Close the fair' }).click();
    await status.getByRole('button', { name: 'Yes, close the fair' }).click();

    const confirmation = erase.getByLabel(/To confirm, type the name of the fair/);
    const submit = erase.getByRole('button', { name: 'Erase personal data' });
    await confirmation.fill('Cooperation Fair');
    expect(await submit.isDisabled()).toBe(true);
    await confirmation.fill(FAIR_TITLE.toUpperCase());
    await submit.click();

    const result = erase.getByRole('status').filter({ hasText: 'personal data was erased on' });
    await result.waitFor();
    await expect.poll(() => result.evaluate((node) => node === document.activeElement)).toBe(true);
    await result.getByText(/registrations were removed/).waitFor();
    await erase.screenshot({ path: path.join(screenshotDir, 'organiser-erased.png') });

    // Erased for good: the fair offers no way back from closed.
    await status.getByText('Closed', { exact: true }).waitFor();
    expect(await status.getByRole('button').count()).toBe(0);
    await erase.getByRole('link', { name: 'Read the report kept from before the erasure' }).click();
    await page.getByText(/The figures below were kept from just before\./).waitFor();
    await page.context().close();
  });
});
