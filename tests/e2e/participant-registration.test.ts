import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotDir } from '../support/browser';
import { useDemoApp } from '../support/demo-app';

const FAIR_TITLE = 'Cooperation Fair — Yhteistyömessut 2021';

describe('a new participant in the browser', () => {
  const app = useDemoApp();
  /** The person's signed-in browser; the phone-sized check reuses its cookies. */
  let context: BrowserContext;
  /** Where the person lands after registering; the phone-sized check opens it again. */
  let fairUrl = '';

  it('creates an account from the invite link, registers in Swedish and edits the profile', async () => {
    const { inviteUrl } = app;
    expect(inviteUrl).toMatch(/\/join\//);
    context = await app.browser.newContext({
      locale: 'fi-FI',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(inviteUrl);
    // The browser says Finnish; this person prefers Swedish.
    await page.getByLabel('Kieli').selectOption({ label: 'Svenska' });
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('sv');
    await page.getByRole('heading', { level: 1, name: `Delta i ${FAIR_TITLE}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Teman', exact: true }).waitFor();

    await page.getByRole('link', { name: 'Skapa ett konto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Skapa ett konto' }).waitFor();
    await page.getByLabel('Namn').fill('Elin Sjöberg');
    await page.getByLabel('E-post').fill('elin@example.fi');
    await page.getByLabel('Lösenord').fill('ett-langt-losenord');
    await page.getByRole('button', { name: 'Skapa ett konto' }).click();

    // Back on the invite page, now signed in, with the registration form.
    await page.getByRole('heading', { level: 2, name: 'Anmälan' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(new URL(inviteUrl).pathname);
    expect(await page.getByLabel('Namn').inputValue()).toBe('Elin Sjöberg');
    await page.getByLabel('Organisation', { exact: true }).fill('Vasa stad');
    await page.getByLabel('Typ av organisation').selectOption({ label: 'Kommun' });
    await page.getByLabel('Befattning').fill('Integrationskoordinator');
    const languages = page.getByRole('group', { name: 'Språk du talar' });
    await languages.getByRole('checkbox', { name: 'svenska', exact: true }).check();
    const themes = page.getByRole('group', { name: 'Teman som intresserar dig' });
    await themes.getByRole('checkbox', { name: 'Boende' }).check();
    await themes.getByRole('checkbox', { name: 'Hälsa' }).check();
    // Registering needs consent to the data use, explained in plain words first.
    const consent = page.getByRole('group', { name: 'Hur dina uppgifter används' });
    await consent.getByText('bara för dem vars kortbyte du godkänner', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Anmäl dig' }).click();
    await consent.getByText('Kryssa i rutan för att godkänna innan du anmäler dig.').waitFor();
    expect(new URL(page.url()).pathname).toBe(new URL(inviteUrl).pathname);
    await consent
      .getByRole('checkbox', { name: 'Jag godkänner att mina uppgifter används så här' })
      .check();
    await page.screenshot({
      path: path.join(screenshotDir, 'participant-registration.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Anmäl dig' }).click();

    await page.getByRole('heading', { level: 1, name: FAIR_TITLE, exact: true }).waitFor();
    fairUrl = page.url();
    expect(new URL(fairUrl).pathname).toMatch(/^\/fairs\/[^/]+$/);
    const themeList = page.getByRole('list', { name: 'Teman', exact: true });
    await expect.poll(() => themeList.getByRole('heading', { level: 3 }).count()).toBe(14);
    const agenda = page.getByRole('list', { name: 'Programpunkter' });
    const agendaTitles = await agenda.getByRole('heading', { level: 3 }).allTextContents();
    expect(agendaTitles).toEqual([
      'Öppningstal: spelreglerna för rättvist samarbete',
      'Nätverksrunda 1',
      'Nätverksrunda 2',
      'Avslutning',
    ]);

    const profile = page.getByRole('region', { name: 'Din profil' });
    await profile.getByText('Integrationskoordinator').waitFor();
    await profile.getByText('Hälsa, Boende').waitFor();
    await profile.getByText('svenska', { exact: true }).waitFor();
    await profile.getByRole('button', { name: 'Redigera profilen' }).click();
    const form = profile.getByRole('form', { name: 'Redigera din profil' });
    expect(await form.getByLabel('Befattning').inputValue()).toBe('Integrationskoordinator');
    await form.getByLabel('Befattning').fill('Projektledare');
    await form.getByRole('button', { name: 'Spara ändringar' }).click();
    await profile.getByRole('status').filter({ hasText: 'Din profil har sparats.' }).waitFor();
    await profile.getByText('Projektledare').waitFor();
    await page.screenshot({
      path: path.join(screenshotDir, 'participant-fair.png'),
      fullPage: true,
    });

    await page.reload();
    const afterReload = page.getByRole('region', { name: 'Din profil' });
    await afterReload.getByText('Projektledare').waitFor();
    expect(await afterReload.getByText('Integrationskoordinator').count()).toBe(0);
  });

  it('shows the fair page on a 360 px wide phone without sideways scrolling', async () => {
    expect(fairUrl).not.toBe('');
    // The same person, signed in and in Swedish, whose labels run longer than Finnish ones.
    const phone = await app.browser.newContext({
      storageState: await context.storageState(),
      locale: 'fi-FI',
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const phonePage = await phone.newPage();
    await phonePage.goto(fairUrl);
    await phonePage.getByRole('heading', { level: 1, name: FAIR_TITLE, exact: true }).waitFor();
    await phonePage
      .getByRole('region', { name: 'Din profil' })
      .getByText('Projektledare')
      .waitFor();
    expect(
      await phonePage.evaluate(() => document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(360);
    await phonePage.screenshot({
      path: path.join(screenshotDir, 'participant-fair-360.png'),
      fullPage: true,
    });
    await phone.close();
  });
});
