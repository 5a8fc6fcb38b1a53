import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotDir } from '../support/browser';
import { useDemoApp } from '../support/demo-app';
import { signIn } from '../support/sign-in';
import { enterHousing } from '../support/demo-pages';

describe('chat and raised hands in the browser', () => {
  const app = useDemoApp();

  it('carries table chat with safe links, deletion and a raised hand answered', async () => {
    const user = (email: string, locale: string, width: number) =>
      signIn(app.browser, app.baseUrl, { email, password: app.demoPassword, locale, width });
    const leila = await user('leila@kohtaamo.example', 'en-GB', 1280);
    const matti = await user('matti@kohtaamo.example', 'fi-FI', 360);
    const olli = await user('organiser@kohtaamo.example', 'en-GB', 1280);

    await enterHousing(leila);
    await leila.getByRole('button', { name: 'Sit down: 1' }).click();
    await leila.getByText('You are sitting at this table.').waitFor();
    await matti.getByRole('link', { name: /Yhteistyömessut|Cooperation Fair/ }).click();
    await matti.getByRole('link', { name: 'Astu sisään messuille' }).click();
    await matti.getByRole('link', { name: 'Siirry huoneeseen Asuminen' }).click();
    await matti.getByRole('button', { name: 'Istuudu: 1' }).click();
    await matti.getByText('Istut tässä pöydässä.').waitFor();

    // The table's channel is the one open at a table.
    const leilaField = leila.getByLabel('Message to Table: 1');
    await leilaField.fill('Guide: https://example.org/guide <b>not bold</b>');
    await leilaField.press('Enter');
    await expect.poll(() => leilaField.inputValue()).toBe('');

    const mattiLog = matti.getByRole('region', { name: 'Viestit: Pöytä: 1' });
    const link = mattiLog.getByRole('link', { name: 'https://example.org/guide' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://example.org/guide');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await mattiLog.textContent()).toContain('<b>not bold</b>');
    expect(await mattiLog.locator('b').count()).toBe(0);
    await matti.screenshot({ path: path.join(screenshotDir, 'chat-360.png'), fullPage: true });

    await leila.getByRole('button', { name: /Delete the message from Leila Hassan/ }).click();
    await leila.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => mattiLog.textContent()).not.toContain('example.org');

    await matti.getByLabel('Missä tarvitset apua? (vapaaehtoinen)').fill('Ääni ei kuulu');
    await matti.getByRole('button', { name: 'Nosta käsi' }).click();
    await matti.getByText('Kätesi on ylhäällä.', { exact: false }).waitFor();

    await enterHousing(olli);
    const queue = olli.getByRole('region', { name: 'Raised hands (1)' });
    await expect.poll(() => queue.textContent()).toContain('Matti Korhonen');
    // Where the person is comes from live presence.
    await expect.poll(() => queue.textContent()).toContain('at 1');
    expect(await queue.textContent()).toContain('Ääni ei kuulu');
    await olli.screenshot({ path: path.join(screenshotDir, 'help-queue.png'), fullPage: true });
    await queue.getByRole('button', { name: 'Mark Matti Korhonen as helped' }).click();
    await olli.getByText('No raised hands in this room.').waitFor();

    await matti.getByText('Olli Järjestäjä on vastannut nostettuun käteesi.').waitFor();
    await matti.getByRole('button', { name: 'Nosta käsi' }).waitFor();
  });
});
