import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotDir } from '../support/browser';
import { useDemoApp } from '../support/demo-app';
import { type RestSession, registeredParticipant } from '../support/rest-client';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Someone who registered through the invite link, as the registration page does it. */
const registerThroughInvite = (baseUrl: string, code: string, name: string) =>
  registeredParticipant(baseUrl, code, { displayName: name, organisation: 'Monikulttuurinen ry' });

async function shoot(page: Page, step: string) {
  await page.screenshot({
    path: path.join(screenshotDir, `organiser-${step}.png`),
    fullPage: true,
  });
}

/** Takes a status step on the manage page: the button, then its question's "yes". */
async function changeStatus(page: Page, step: string, confirm: string, shown: string) {
  const section = page.getByRole('region', { name: 'Status of the fair' });
  await section.getByRole('button', { name: step }).click();
  await section.getByRole('button', { name: confirm }).click();
  await section.getByText('Status changed.').waitFor();
  await section.getByText(shown, { exact: true }).waitFor();
}

/** About 40 s on a two-core machine at a load average of 20; twice that before calling it hung. */
const JOURNEY_TIMEOUT_MS = 120_000;

describe('the organiser journey in the browser', () => {
  const app = useDemoApp();

  it(
    'creates a fair from scratch, prepares it, copies it, runs it, closes it and reads the report',
    async () => {
      const context = await app.browser.newContext({
        locale: 'en-GB',
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      const page = await context.newPage();

      // Sign up.
      await page.goto(`${app.baseUrl}/signup`);
      await page.getByLabel('Name').fill('Olga Organiser');
      await page.getByLabel('Email').fill('olga@kohtaamo.test');
      await page.getByLabel('Password').fill('a long enough password');
      await page.getByRole('button', { name: 'Create an account' }).click();
      await page.getByRole('heading', { level: 1, name: 'My fairs' }).waitFor();

      // Create a fair from scratch, years ahead, so the dashboard shows one that has not ended.
      const create = page.getByRole('region', { name: 'Create a fair' });
      await create.getByLabel('Title').fill('Cooperation Fair 2030');
      await create.getByLabel('Description').fill('Networking for integration work.');
      await create.getByLabel('Start').fill('2030-03-12T10:00');
      await create.getByLabel('End').fill('2030-03-12T13:00');
      await shoot(page, 'create');
      await create.getByRole('button', { name: 'Create fair' }).click();
      await page.getByRole('heading', { level: 1, name: 'Manage Cooperation Fair 2030' }).waitFor();
      const manageUrl = page.url();
      const fairId = /\/fairs\/([^/]+)\/manage/.exec(manageUrl)?.[1] ?? '';
      await page.getByText('Draft', { exact: true }).waitFor();

      // Two themes, each with a table.
      const rooms = page.getByRole('region', { name: 'Theme rooms' });
      for (const [en, fi] of [
        ['Housing', 'Asuminen'],
        ['Work', 'Työ'],
      ] as const) {
        const addRoom = rooms.getByRole('form', { name: 'Add a room' });
        await addRoom.getByLabel('Name (English)').fill(en);
        await addRoom.getByLabel('Name (Finnish)').fill(fi);
        await addRoom.getByRole('button', { name: 'Add room' }).click();
        const card = rooms.locator('details.room').filter({ hasText: en });
        await card.locator('summary').click();
        const addTable = card.getByRole('form', { name: 'Add a table' });
        await addTable.getByLabel('Table name').fill(`${en} 1`);
        await addTable.getByLabel('Capacity').fill('4');
        await addTable.getByRole('button', { name: 'Add table' }).click();
        await card
          .getByRole('list', { name: `Tables in ${en}` })
          .getByRole('listitem')
          .waitFor();
      }

      // The invite link and its QR code, downloadable for printing.
      const invite = page.getByRole('region', { name: 'Invite link' });
      const inviteUrl = await invite.getByLabel('Invite link').inputValue();
      const code = inviteUrl.split('/join/')[1] ?? '';
      const qr = invite.getByRole('img', { name: `QR code of the invite link ${inviteUrl}` });
      await qr.waitFor();
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
      const downloading = page.waitForEvent('download');
      await invite.getByRole('link', { name: 'Download QR code (PNG)' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe('invite-cooperation-fair-2030.png');
      const png = await readFile((await download.path()) ?? '');
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      await shoot(page, 'invite');

      // Two people register through the link: one to facilitate, one to speak.
      await registerThroughInvite(app.baseUrl, code, 'Fanni Facilitator');
      const speaker = await registerThroughInvite(app.baseUrl, code, 'Sami Speaker');
      const participant = await registerThroughInvite(app.baseUrl, code, 'Pia Participant');
      // A draft is open to the people who run it only; a participant is told so.
      const draftPage = await expectLivePageSays(
        participant,
        fairId,
        'This fair has not opened yet.',
      );
      await draftPage.context().close();
      await page.reload();

      // Assign the facilitator to Housing.
      const people = page.getByRole('region', { name: 'Registrations' });
      const fanni = people.getByRole('form', { name: 'Role of Fanni Facilitator' });
      await fanni.getByLabel('Role').selectOption({ label: 'Facilitator' });
      await fanni.getByRole('checkbox', { name: 'Housing' }).check();
      await fanni.getByRole('button', { name: 'Save role' }).click();
      await fanni.getByText('Saved.').waitFor();
      // Room cards are closed after the reload; their text is there all the same.
      const housing = rooms.locator('details.room').filter({ hasText: 'Housing' });
      await expect.poll(() => housing.textContent()).toContain('Facilitators: Fanni Facilitator.');

      // The agenda: an opening speech by the speaker, then a networking round.
      const addItem = page.getByRole('form', { name: 'Add agenda item' });
      await addItem.getByLabel('Kind').selectOption({ label: 'Speech' });
      await addItem.getByLabel('Title (English)').fill('Opening: fair cooperation');
      await addItem.getByLabel('Start').fill('2030-03-12T10:00');
      await addItem.getByLabel('End').fill('2030-03-12T10:30');
      await addItem.getByRole('checkbox', { name: /Sami Speaker/ }).check();
      await addItem.getByRole('button', { name: 'Add item' }).click();
      await page.getByText('Agenda item added.').waitFor();
      await addItem.getByLabel('Kind').selectOption({ label: 'Networking round' });
      await addItem.getByLabel('Title (English)').fill('First round');
      await addItem.getByLabel('Start').fill('2030-03-12T10:30');
      await addItem.getByLabel('End').fill('2030-03-12T11:15');
      await addItem.getByRole('button', { name: 'Add item' }).click();
      const agenda = page.getByRole('list', { name: 'Agenda items' });
      await agenda.getByRole('listitem').filter({ hasText: 'First round' }).waitFor();
      const opening = agenda.getByRole('listitem').filter({ hasText: 'Opening: fair cooperation' });
      await opening.getByText('Speakers: Sami Speaker').waitFor();
      // Shown in the fair's zone: 10:00 in Helsinki, whatever zone the browser is in.
      expect(await opening.textContent()).toMatch(/10:00/);
      // Named as a speaker, Sami is now one of the fair's speakers.
      await people
        .getByRole('form', { name: 'Role of Sami Speaker' })
        .getByLabel('Role')
        .evaluate((select: HTMLSelectElement) => select.value)
        .then((role) => expect(role).toBe('speaker'));
      await shoot(page, 'manage');

      // Open registration.
      await changeStatus(
        page,
        'Open registration',
        'Yes, open registration',
        'Open for registration',
      );

      // Copy the fair to next year.
      const copy = page.getByRole('region', { name: 'Copy this fair' });
      await copy.getByLabel('Title of the new fair').fill('Cooperation Fair 2031');
      await copy.getByLabel('First day of the new fair').fill('2031-03-11');
      await copy.getByRole('button', { name: 'Copy the fair' }).click();
      await page.getByRole('heading', { level: 1, name: 'Manage Cooperation Fair 2031' }).waitFor();
      await page.getByText('Draft', { exact: true }).waitFor();
      const copiedAgenda = page.getByRole('list', { name: 'Agenda items' });
      await copiedAgenda.getByRole('listitem').filter({ hasText: 'First round' }).waitFor();
      expect(await copiedAgenda.getByRole('listitem').first().textContent()).toMatch(/2031.*10:00/);
      expect(await page.locator('details.room summary').allTextContents()).toEqual([
        expect.stringContaining('Housing'),
        expect.stringContaining('Work'),
      ]);
      // Nobody came along but the organiser.
      await page
        .getByRole('region', { name: 'Registrations' })
        .getByText('1 person registered.')
        .waitFor();
      await shoot(page, 'copy');

      // Back to the first fair: run it live.
      await page.goto(manageUrl);
      await changeStatus(page, 'Start the fair', 'Yes, start the fair', 'Live now');
      await page.getByRole('link', { name: 'Live dashboard (while the fair is on)' }).click();
      await page.getByRole('heading', { level: 1, name: /Live dashboard/ }).waitFor();
      await page.getByRole('heading', { name: 'Where people are now' }).waitFor();
      await shoot(page, 'dashboard');

      // Close it: a participant opening the live fair is told so, and finds their contacts.
      await page.goto(manageUrl);
      await changeStatus(page, 'Close the fair', 'Yes, close the fair', 'Closed');
      await shoot(page, 'closed');
      const closedPage = await expectLivePageSays(participant, fairId, 'This fair has closed.');
      await closedPage.getByRole('link', { name: 'My contacts and the people I met' }).click();
      await closedPage.waitForURL(`**/fairs/${fairId}/contacts`);
      await closedPage.getByRole('heading', { name: 'People I met' }).waitFor();
      await closedPage.context().close();
      // Speakers and facilitators run a fair but not its aftermath: closed is closed for them too.
      await (await expectLivePageSays(speaker, fairId, 'This fair has closed.')).context().close();

      // Read the report.
      await page.getByRole('link', { name: 'Report: new actors met' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Report: Cooperation Fair 2030' })
        .waitFor();
      await page.getByRole('heading', { name: 'Summary' }).waitFor();
      await shoot(page, 'report');
      await context.close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  /** Opens the fair's live lobby as the person and waits for the text; returns the page. */
  async function expectLivePageSays(session: RestSession, fairId: string, text: string) {
    const context = await app.browser.newContext({ locale: 'en-GB' });
    const separator = session.cookie.indexOf('=');
    await context.addCookies([
      {
        name: session.cookie.slice(0, separator),
        value: session.cookie.slice(separator + 1),
        url: app.baseUrl,
      },
    ]);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/fairs/${fairId}/live`);
    await page.getByText(text, { exact: false }).waitFor();
    return page;
  }
});
