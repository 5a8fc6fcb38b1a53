/**
 * What the whole-story suite (e2e/journey.test.ts) does on a participant's page, in the page's
 * language: the language check, video, the table, "People I met", screenshots and downloads.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotDir } from './browser';
import { journeyRooms } from './journey-fair';
import { rawKeyPattern, type Translate, translator, type UiLanguage } from './translations';

const en = translator('en');
const rawKey = rawKeyPattern();

export const LANGUAGE_NAMES: Record<UiLanguage, string> = {
  en: 'English',
  fi: 'Suomi',
  sv: 'Svenska',
};

export interface Participant {
  page: Page;
  t: Translate;
  language: UiLanguage;
}

export async function screenshot(page: Page, language: UiLanguage, step: string): Promise<void> {
  await page.screenshot({
    path: path.join(screenshotDir, `journey-${language}-${step}.png`),
    fullPage: true,
  });
}

/** The page is in the person's language: `<html lang>`, no raw keys, and not the English text. */
export async function expectLanguage(person: Participant, englishKey: string): Promise<void> {
  const { page, language, t } = person;
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(rawKey);
  if (language !== 'en') {
    expect(t(englishKey)).not.toBe(en(englishKey));
    expect(text).not.toContain(en(englishKey));
  }
}

/** Chooses the language in the page header and checks that a reload remembers it. */
export async function chooseLanguage(person: Participant): Promise<void> {
  const { page, language } = person;
  await page.getByLabel(en('header.language')).selectOption({ label: LANGUAGE_NAMES[language] });
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
  await page.reload();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
}

export async function downloadText(page: Page, link: Locator): Promise<string> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    link.click(),
  ]);
  return readFile(await download.path(), 'utf8');
}

/** Width and play state of the other people's camera videos on the page. */
export function remoteVideos(page: Page) {
  return page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLVideoElement>(
        'video[data-testid="call-video"][data-source="camera"]:not(.mirrored)',
      ),
      (video) => ({
        playing: !video.paused && video.readyState >= 2,
        width: video.getBoundingClientRect().width,
        videoWidth: video.videoWidth,
      }),
    ),
  );
}

/** Another person's camera video on the page plays, with frames and a size on screen. */
export async function expectRemoteVideoPlaying(page: Page): Promise<void> {
  const playing = async () =>
    (await remoteVideos(page)).some((v) => v.playing && v.width > 0 && v.videoWidth > 0);
  await expect.poll(playing, { timeout: 45_000 }).toBe(true);
}

export const agendaBar = ({ page, t }: Participant) =>
  page.getByRole('region', { name: t('agendaLive.barLabel') });

export async function sitAt(
  person: Participant,
  roomIndex: number,
  table: string,
  firstTime: boolean,
) {
  const { page, t } = person;
  const room = journeyRooms[roomIndex]![person.language];
  await page.getByRole('link', { name: t('live.goToRoom', { room }) }).click();
  await page.getByRole('heading', { level: 1, name: room }).waitFor();
  await page.getByRole('button', { name: t('liveRoom.sitNamed', { table }) }).click();
  if (firstTime) {
    await page.getByRole('heading', { name: t('deviceCheck.title') }).waitFor();
    await expectLanguage(person, 'deviceCheck.title');
    await page.getByRole('button', { name: t('deviceCheck.join') }).click();
  }
  await page.getByText(t('liveRoom.youSitHere')).waitFor();
}

export async function metSummary({ page, t }: Participant): Promise<string> {
  const region = page.getByRole('region', { name: t('met.title') });
  return (await region.locator('p.count').first().textContent()) ?? '';
}

export function expectedSummary(t: Translate, people: number, organisations: number): string {
  if (people === 0) return t('met.nobodyYet');
  return t('met.summary', {
    people: t('met.newPeople', { count: people }),
    organisations: t('met.organisations', { count: organisations }),
  });
}
