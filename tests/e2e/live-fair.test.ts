import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotDir } from '../support/browser';
import { useDemoApp } from '../support/demo-app';
import { signIn } from '../support/sign-in';

describe('the live fair in two browsers', () => {
  const app = useDemoApp();

  it('shows each person who sits where, live, without reloading', async () => {
    const leila = await signIn(app.browser, app.baseUrl, {
      email: 'leila@kohtaamo.example',
      password: app.demoPassword,
      locale: 'en-GB',
      width: 1280,
    });
    // Matti follows on a phone-sized screen, in Finnish.
    const matti = await signIn(app.browser, app.baseUrl, {
      email: 'matti@kohtaamo.example',
      password: app.demoPassword,
      locale: 'fi-FI',
      width: 360,
    });

    await leila.getByRole('link', { name: /Cooperation Fair/ }).click();
    await leila.getByRole('link', { name: 'Enter the fair' }).click();
    await leila.getByRole('heading', { level: 1, name: /lobby/ }).waitFor();
    await matti.getByRole('link', { name: /Yhteistyömessut|Cooperation Fair/ }).click();
    await matti.getByRole('link', { name: 'Astu sisään messuille' }).click();
    await matti.getByRole('heading', { level: 1, name: /aula/i }).waitFor();

    const housingInLobby = matti
      .getByRole('listitem')
      .filter({ has: matti.getByRole('heading', { name: 'Asuminen', exact: true }) });
    await expect.poll(() => housingInLobby.textContent()).toContain('Täällä ei ole vielä ketään.');

    await leila.getByRole('link', { name: 'Go to Housing' }).click();
    await leila.getByRole('heading', { level: 1, name: /Housing/ }).waitFor();
    await leila.getByRole('button', { name: 'Sit down: 1' }).click();
    await leila.getByText('You are sitting at this table.').waitFor();

    // Matti never reloads: the lobby card changes as Leila arrives.
    await expect.poll(() => housingInLobby.textContent()).toContain('Leila Hassan');
    await matti.screenshot({
      path: path.join(screenshotDir, 'live-lobby-360.png'),
      fullPage: true,
    });

    await matti.getByRole('link', { name: 'Siirry huoneeseen Asuminen' }).click();
    await matti.getByRole('heading', { level: 1, name: /Asuminen/ }).waitFor();
    const tableOne = matti.getByRole('list', { name: 'Pöydässä 1 istuvat' });
    await expect.poll(() => tableOne.textContent()).toContain('Leila Hassan');
    await matti.getByRole('button', { name: 'Istuudu: 1' }).click();

    const leilasTableOne = leila.getByRole('list', { name: 'Sitting at 1' });
    await expect.poll(() => leilasTableOne.textContent()).toContain('Matti Korhonen');
    await expect.poll(() => leila.getByText('4 of 6 seats free').count()).toBe(1);
    await leila.screenshot({ path: path.join(screenshotDir, 'live-room.png'), fullPage: true });

    await leila.getByRole('button', { name: 'Leave the table: 1' }).click();
    await expect.poll(() => tableOne.textContent()).not.toContain('Leila Hassan');
    await matti.screenshot({ path: path.join(screenshotDir, 'live-room-360.png'), fullPage: true });

    await leila.getByRole('link', { name: 'Back to the lobby' }).click();
    await leila.getByRole('button', { name: 'Watch the stage' }).click();
    await leila.getByText('You are watching the stage.').waitFor();
    await matti.getByRole('link', { name: 'Takaisin aulaan' }).click();
    await expect.poll(() => matti.getByText('1 katsoja').count()).toBe(1);
  });
});
