/**
 * The whole story of a fair in real browsers, once per UI language: an organiser and three
 * participants in separate browser contexts. The organiser puts the fair live and runs its
 * agenda from the dashboard; Aino follows the invite link, makes an account and registers (with
 * consent); everyone watches the opening speech on the stage; in the networking round Aino and
 * Bilal sit at one table, see each other's video and exchange cards, while Chloé joins another
 * theme; Bilal reopens the fair and lands at his table; the round ends, everyone moves on, "People
 * I met" counts right and Aino's export holds Bilal's card. The participants choose the language
 * in the app (the browser says English) and every participant page is checked for it.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { parse as parseVcard } from 'vcard4';
import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../support/demo-app';
import {
  contextFor,
  createJourneyFair,
  type JourneyFair,
  journeyAgenda,
  journeyRooms,
  type JourneyPerson,
  registeredWithCard,
  signUp,
} from '../support/journey-fair';
import {
  agendaBar,
  chooseLanguage,
  downloadText,
  expectedSummary,
  expectLanguage,
  expectRemoteVideoPlaying,
  metSummary,
  type Participant,
  remoteVideos,
  screenshot,
  sitAt,
} from '../support/journey-pages';
import { translator, UI_LANGUAGES, type UiLanguage } from '../support/translations';

/** How long a page may take to show something pushed to it on a busy machine. */
const UPDATE_MS = 15_000;
/** Clicks and waits; pages took over 30 s to load at a load average of 40 on two cores. */
const ACTION_TIMEOUT_MS = 45_000;
const STORY_TIMEOUT_MS = 240_000;

const en = translator('en');

const aino = { name: 'Aino Virtanen', organisation: 'Monikielinen kirjasto', email: '' };
const bilal: JourneyPerson = {
  name: 'Bilal Ahmed',
  organisation: 'Kotona Suomessa ry',
  email: 'bilal.ahmed@kotona.example',
};
const chloe: JourneyPerson = {
  name: 'Chloé Lindqvist',
  organisation: 'Vasa stad',
  email: 'chloe@vasa.example',
};

/** Invite link → account → registration with consent → the fair page, all in the UI. */
async function registerThroughInvite(person: Participant, fair: JourneyFair): Promise<void> {
  const { page, t } = person;
  await page.goto(fair.inviteUrl);
  await chooseLanguage(person);
  await page
    .getByRole('heading', { level: 1, name: t('join.title', { title: fair.title }) })
    .waitFor();
  await page.getByRole('link', { name: t('auth.createAccount') }).click();
  await page.getByLabel(t('auth.displayName'), { exact: true }).fill(aino.name);
  await page
    .getByLabel(t('auth.email'), { exact: true })
    .fill(`aino.${person.language}@kirjasto.example`);
  await page.getByLabel(t('auth.password'), { exact: true }).fill('a long enough password');
  await page.getByRole('button', { name: t('auth.createAccount') }).click();
  await page.getByRole('heading', { level: 2, name: t('join.formTitle') }).waitFor();
  await page.getByLabel(t('profile.organisation'), { exact: true }).fill(aino.organisation);
  const consent = page.getByRole('group', { name: t('join.consent.legend') });
  // Without consent the form stays, and says what is missing.
  await page.getByRole('button', { name: t('join.submit') }).click();
  await consent.getByText(t('issues.consent')).waitFor();
  await consent.getByRole('checkbox', { name: t('join.consent.agree') }).check();
  await expectLanguage(person, 'join.consent.legend');
  await screenshot(page, person.language, '1-register');
  await page.getByRole('button', { name: t('join.submit') }).click();
  await page.getByRole('link', { name: t('fair.enterLive') }).waitFor();
}

/** From My fairs straight into the live fair, as a person who closed the tab comes back. */
async function enterFromMyFairs(person: Participant, fair: JourneyFair, baseUrl: string) {
  const { page, t } = person;
  await page.goto(`${baseUrl}/`);
  const card = page.getByRole('listitem').filter({ hasText: fair.title });
  await card.getByRole('link', { name: t('myFairs.enterLive') }).click();
}

async function playStory(browser: Browser, baseUrl: string, language: UiLanguage) {
  const t = translator(language);
  const housing = journeyRooms[0][language];
  // Set-up that is not the story goes through the API: the organiser's fair, and two people
  // registered already (Aino registers in the browser).
  const organiser = await contextFor(browser, baseUrl, await signUp(baseUrl, 'Olga Järjestäjä'));
  const fair = await createJourneyFair(organiser.request, baseUrl, `Yhteistyömessut ${language}`);
  const contexts = [
    organiser,
    await browser.newContext({ locale: 'en-GB', acceptDownloads: true }),
    await registeredWithCard(browser, baseUrl, fair, bilal),
    await registeredWithCard(browser, baseUrl, fair, chloe),
  ] as const;
  const [olli, ainoPage, bilalPage, chloePage] = (await Promise.all(
    contexts.map((context) => context.newPage()),
  )) as [Page, Page, Page, Page];
  const as = (page: Page): Participant => ({ page, t, language });
  const [ainoP, bilalP, chloeP] = [as(ainoPage), as(bilalPage), as(chloePage)];
  const everyone = [ainoP, bilalP, chloeP];
  for (const context of contexts) context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const crashes: string[] = [];
  for (const page of [olli, ainoPage, bilalPage, chloePage])
    page.on('pageerror', (error) => crashes.push(error.message));

  try {
    // The organiser puts the fair live with a short meeting threshold and opens the dashboard.
    await olli.goto(`${baseUrl}/fairs/${fair.fairId}/manage`);
    await olli.getByLabel(en('manage.threshold')).fill('10');
    await olli.getByRole('button', { name: en('manage.saveDetails') }).click();
    await olli.getByText(en('common.saved')).waitFor();
    const status = olli.getByRole('region', { name: en('fairStatus.title') });
    await status.getByRole('button', { name: en('fairStatus.forward.live') }).click();
    await status.getByRole('button', { name: en('fairStatus.forwardConfirm.live') }).click();
    await status.getByText(en('fairStatus.changed')).waitFor();
    await olli.getByRole('link', { name: en('dashboard.link') }).click();
    const startFair = olli.getByRole('button', { name: en('agendaLive.controls.startFair') });
    await startFair.waitFor();

    // Aino follows the invite link; Bilal and Chloé choose the language on My fairs.
    await registerThroughInvite(ainoP, fair);
    await ainoP.page.getByRole('link', { name: t('fair.enterLive') }).click();
    for (const person of [bilalP, chloeP]) {
      await person.page.goto(`${baseUrl}/`);
      await chooseLanguage(person);
      await person.page.getByRole('link', { name: fair.title, exact: true }).click();
      await person.page.getByRole('link', { name: t('fair.enterLive') }).click();
    }
    for (const person of everyone) {
      await agendaBar(person).getByText(t('agendaLive.before')).waitFor();
    }
    await expectLanguage(ainoP, 'live.roomsTitle');
    await screenshot(ainoP.page, language, '2-lobby');

    // The opening speech: everyone joins the stage from the agenda bar.
    await startFair.click();
    for (const person of everyone) {
      const bar = agendaBar(person);
      await bar.getByText(t('agendaLive.now', { title: journeyAgenda.speech[language] })).waitFor();
      await bar.getByRole('button', { name: t('agendaLive.joinStage') }).click();
      await person.page.getByText(t('live.onStage')).waitFor();
    }
    await expectLanguage(bilalP, 'live.onStage');
    await screenshot(ainoP.page, language, '3-stage');
    await screenshot(olli, language, 'organiser-dashboard');

    // The round: Aino and Bilal sit at Housing's table 1, Chloé in the other theme.
    const roundTitle = { title: journeyAgenda.round.en };
    await olli
      .getByRole('button', { name: en('agendaLive.controls.startItem', roundTitle) })
      .click();
    for (const person of everyone) {
      const now = t('agendaLive.now', { title: journeyAgenda.round[language] });
      await agendaBar(person).getByText(now).waitFor();
    }
    await sitAt(ainoP, 0, '1', true);
    await sitAt(bilalP, 0, '1', true);
    await sitAt(chloeP, 1, '1', true);
    await expectRemoteVideoPlaying(ainoP.page);
    await expectRemoteVideoPlaying(bilalP.page);
    expect(await remoteVideos(chloeP.page)).toEqual([]);
    await expectLanguage(ainoP, 'liveRoom.youSitHere');
    await screenshot(ainoP.page, language, '4-table');

    // Bilal closes the fair and reopens it from My fairs: he is back at his table, in the call.
    await enterFromMyFairs(bilalP, fair, baseUrl);
    await bilalP.page.getByRole('heading', { level: 1, name: housing }).waitFor();
    await bilalP.page
      .getByText(t('liveNotice.returnedTable', { table: '1', room: housing }))
      .waitFor();
    await bilalP.page
      .getByRole('button', { name: t('liveRoom.leaveNamed', { table: '1' }) })
      .waitFor();
    await expectRemoteVideoPlaying(bilalP.page);
    // Chloé reloads the lobby's address: she too stays at her table, in the other theme.
    const work = journeyRooms[1][language];
    await chloeP.page.goto(`${baseUrl}/fairs/${fair.fairId}/live`);
    await chloeP.page.getByRole('heading', { level: 1, name: work }).waitFor();
    await chloeP.page
      .getByText(t('liveNotice.returnedTable', { table: '1', room: work }))
      .waitFor();

    // Aino asks for Bilal's card; he accepts.
    const ainosTable = ainoP.page.getByRole('region', { name: t('tablemates.title') });
    await ainosTable
      .getByRole('button', { name: t('ask.buttonNamed', { name: bilal.name }) })
      .click();
    await ainosTable.getByRole('button', { name: t('ask.send') }).click();
    const requests = bilalP.page.getByRole('region', {
      name: t('requests.incomingTitle', { count: 1 }),
    });
    await requests
      .getByRole('button', { name: t('requests.acceptNamed', { name: aino.name }) })
      .click();
    await ainosTable.getByText(t('ask.contacts')).waitFor({ timeout: UPDATE_MS });
    await expectLanguage(bilalP, 'requests.accept');
    await screenshot(bilalP.page, language, '5-exchange');

    // The organiser ends the round; everyone moves on from their table.
    await olli.getByRole('button', { name: en('agendaLive.controls.endItem', roundTitle) }).click();
    await olli.getByRole('button', { name: en('agendaLive.controls.endItemConfirm') }).click();
    for (const person of everyone) {
      const now = t('agendaLive.now', { title: journeyAgenda.closing[language] });
      await agendaBar(person).getByText(now).waitFor({ timeout: UPDATE_MS });
      await person.page
        .getByRole('button', { name: t('liveRoom.leaveNamed', { table: '1' }) })
        .click();
      await person.page
        .getByRole('button', { name: t('liveRoom.sitNamed', { table: '1' }) })
        .waitFor();
    }

    // "People I met": Aino and Bilal met each other (one person, one organisation); Chloé nobody.
    for (const [person, count] of [
      [ainoP, 1],
      [bilalP, 1],
      [chloeP, 0],
    ] as const) {
      const poll = { timeout: UPDATE_MS };
      await expect.poll(() => metSummary(person), poll).toBe(expectedSummary(t, count, count));
    }
    const ainosMet = ainoP.page.getByRole('region', { name: t('met.title') });
    await ainosMet.getByRole('heading', { name: bilal.name }).waitFor();
    await expectLanguage(chloeP, 'met.title');
    await screenshot(ainoP.page, language, '6-people-met');

    // Aino's contacts and their export: Bilal's card with what he shares.
    await ainoP.page.getByRole('link', { name: t('contactsLink.plain') }).click();
    await ainoP.page.getByRole('heading', { level: 1, name: t('contactsPage.title') }).waitFor();
    await expectLanguage(ainoP, 'contacts.title');
    await screenshot(ainoP.page, language, '7-contacts');
    const vcf = await downloadText(
      ainoP.page,
      ainoP.page.getByRole('link', { name: t('contacts.downloadVcf') }),
    );
    const parsed = parseVcard(vcf);
    const cards = Array.isArray(parsed) ? parsed : [parsed];
    expect(cards).toHaveLength(1);
    const property = (name: string) => cards[0]!.getProperty(name)[0]?.value;
    expect(property('FN')).toBe(bilal.name);
    expect(property('EMAIL')).toBe(bilal.email);
    const csv = await downloadText(
      ainoP.page,
      ainoP.page.getByRole('link', { name: t('contacts.downloadCsv') }),
    );
    const [header, ...rows]: string[][] = parseCsv(csv, { bom: true });
    expect(
      rows.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i]]))),
    ).toEqual([
      expect.objectContaining({
        name: bilal.name,
        organisation: bilal.organisation,
        email: bilal.email,
      }),
    ]);

    // From the contacts back to where she is: the room, not the lobby.
    await ainoP.page.getByRole('link', { name: t('live.backToRoom', { room: housing }) }).click();
    await ainoP.page.getByRole('heading', { level: 1, name: housing }).waitFor();
    expect(crashes).toEqual([]);
  } catch (error) {
    // What each person saw when the story broke, for whoever reads the CI log.
    for (const [who, page] of Object.entries({
      olli,
      aino: ainoPage,
      bilal: bilalPage,
      chloe: chloePage,
    })) {
      await screenshot(page, language, `failure-${who}`).catch(() => undefined);
    }
    throw error;
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
}

describe('the whole story of a fair in the browser', () => {
  const app = useDemoApp();

  for (const language of UI_LANGUAGES) {
    it(
      `runs from the invite link to the export, in ${language}`,
      { timeout: STORY_TIMEOUT_MS },
      async () => {
        await playStory(app.browser, app.baseUrl, language);
      },
    );
  }
});
