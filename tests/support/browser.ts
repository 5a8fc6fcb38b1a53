import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium; Playwright's own browser download cannot run on this network. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const screenshotDir = fileURLToPath(new URL('../../test-output/e2e/', import.meta.url));
export const webDistIndex = fileURLToPath(
  new URL('../../apps/web/dist/index.html', import.meta.url),
);

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH)`,
    );
  }
  if (!existsSync(webDistIndex)) {
    throw new Error('The web app is not built: run `pnpm build` first (pnpm test does)');
  }
  await mkdir(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  });
}
