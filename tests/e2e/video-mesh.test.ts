/**
 * Video at a table in real browsers with fake cameras and microphones: mesh by default, LiveKit
 * when LIVEKIT_URL (and its key and secret) are set for the server.
 *
 * Pages are watched from outside the app: an init script records every RTCPeerConnection the
 * page makes (to read `getStats()`) and every media event that arrives on its WebSocket, so the
 * app carries no test hooks beyond `data-*` attributes on its video elements.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type ClientPayload, PROTOCOL_VERSION } from '@kohtaamo/protocol';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshotDir } from '../support/browser';
import { useDemoApp } from '../support/demo-app';
import { LiveClient, openSocket } from '../support/live-client';

const mode = process.env.LIVEKIT_URL ? 'livekit' : 'mesh';
/** The grid must drop someone who stood up within this. */
const DROP_WITHIN_MS = 2_000;

/** Runs in every page before the app: keeps what the test reads later. */
function watchMedia(): void {
  const record = window as unknown as {
    testPeerConnections: RTCPeerConnection[];
    testMediaFrames: string[];
    testLocalTracks: MediaStreamTrack[];
  };
  record.testPeerConnections = [];
  record.testMediaFrames = [];
  record.testLocalTracks = [];
  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await getUserMedia(constraints);
    record.testLocalTracks.push(...stream.getTracks());
    return stream;
  };
  const NativePeerConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeerConnection {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      record.testPeerConnections.push(this);
    }
  };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        if (typeof event.data === 'string' && event.data.includes('"media.')) {
          record.testMediaFrames.push(event.data);
        }
      });
    }
  };
}

interface InboundStats {
  peerConnections: number;
  framesDecoded: number;
  audioPackets: number;
  inboundReports: number;
}

/** Sums the page's inbound RTP statistics over all its peer connections. */
function inboundStats(page: Page): Promise<InboundStats> {
  return page.evaluate(async () => {
    const { testPeerConnections } = window as unknown as {
      testPeerConnections: RTCPeerConnection[];
    };
    const totals = { peerConnections: 0, framesDecoded: 0, audioPackets: 0, inboundReports: 0 };
    for (const connection of testPeerConnections) {
      if (connection.connectionState === 'closed') continue;
      totals.peerConnections += 1;
      const stats = await connection.getStats();
      stats.forEach((report: { type: string; kind?: string } & Record<string, unknown>) => {
        if (report.type !== 'inbound-rtp') return;
        totals.inboundReports += 1;
        if (report.kind === 'video') totals.framesDecoded += Number(report.framesDecoded ?? 0);
        if (report.kind === 'audio') totals.audioPackets += Number(report.packetsReceived ?? 0);
      });
    }
    return totals;
  });
}

/** The width of the camera video of each other person whose tile is on the page. */
function remoteVideoWidths(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const videos = document.querySelectorAll<HTMLVideoElement>(
      'video[data-testid="call-video"][data-source="camera"]:not(.mirrored)',
    );
    return Object.fromEntries(
      Array.from(videos, (video) => [video.dataset.personId ?? '', video.videoWidth]),
    );
  });
}

/** The person id on the page's own tile. */
async function ownId(page: Page): Promise<string> {
  const video = page.locator('video[data-testid="call-video"].mirrored');
  await video.waitFor();
  return (await video.getAttribute('data-person-id')) ?? '';
}

/** How many camera and microphone tracks the page opened are still open. */
function openLocalTracks(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window as unknown as { testLocalTracks: MediaStreamTrack[] }).testLocalTracks.filter(
        (track) => track.readyState === 'live',
      ).length,
  );
}

function mediaFrames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { testMediaFrames: string[] }).testMediaFrames);
}

async function enterHousing(browser: Browser, baseUrl: string, email: string, password: string) {
  const context = await browser.newContext({
    locale: 'en-GB',
    viewport: { width: email.startsWith('matti') ? 360 : 1280, height: 900 },
  });
  await context.addInitScript(watchMedia);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/signin`);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  await page.getByRole('link', { name: /Cooperation Fair/ }).click();
  await page.getByRole('link', { name: 'Enter the fair' }).click();
  await page.getByRole('link', { name: 'Go to Housing' }).click();
  await page.getByRole('heading', { level: 1, name: /Housing/ }).waitFor();
  return { page, context };
}

/** Sits at a table and passes the device check; returns when the click on "sit" happened. */
async function sitAndJoin(page: Page, table: string): Promise<number> {
  const satAt = Date.now();
  await page.getByRole('button', { name: `Sit down: ${table}` }).click();
  await page.getByRole('button', { name: 'Join the call' }).click();
  return satAt;
}

beforeAll(() => {
  if (mode === 'mesh') {
    console.log(
      'video: the LiveKit variant did not run because LIVEKIT_URL is unset (LiveKit’s server cannot be installed here)',
    );
  }
});

describe(`video at a table (${mode})`, () => {
  const app = useDemoApp();

  it('shows two people at a table each other’s video and sound, and nobody else', async () => {
    const password = app.demoPassword;
    const leila = await enterHousing(app.browser, app.baseUrl, 'leila@kohtaamo.example', password);
    const matti = await enterHousing(app.browser, app.baseUrl, 'matti@kohtaamo.example', password);
    const sara = await enterHousing(app.browser, app.baseUrl, 'sara@kohtaamo.example', password);

    await sitAndJoin(leila.page, '1');
    const leilaId = await ownId(leila.page);
    const mattiSatAt = await sitAndJoin(matti.page, '1');
    await expect
      .poll(async () => (await inboundStats(matti.page)).framesDecoded, {
        timeout: 20_000,
        interval: 25,
      })
      .toBeGreaterThan(0);
    const sitToFirstFrameMs = Date.now() - mattiSatAt;
    const mattiId = await ownId(matti.page);
    await sitAndJoin(sara.page, '2');
    const saraId = await ownId(sara.page);

    for (const [page, otherId] of [
      [leila.page, mattiId],
      [matti.page, leilaId],
    ] as const) {
      await expect
        .poll(async () => (await remoteVideoWidths(page))[otherId] ?? 0)
        .toBeGreaterThan(0);
      await expect.poll(async () => (await inboundStats(page)).framesDecoded).toBeGreaterThan(0);
      await expect.poll(async () => (await inboundStats(page)).audioPackets).toBeGreaterThan(0);
    }
    await leila.page.getByText('Matti Korhonen').first().waitFor();
    await matti.page.screenshot({
      path: path.join(screenshotDir, `video-${mode}-360.png`),
      fullPage: true,
    });

    // Sara sits at another table: she receives nothing and hears of nobody at table 1.
    const saraStats = await inboundStats(sara.page);
    expect(saraStats.inboundReports).toBe(0);
    expect(Object.keys(await remoteVideoWidths(sara.page))).toEqual([]);
    const saraFrames = (await mediaFrames(sara.page)).join('\n');
    expect(saraFrames).not.toContain(leilaId);
    expect(saraFrames).not.toContain(mattiId);

    // Sara's own socket (it takes over her tab, keeping her seat at table 2) tries to signal
    // Leila, naming Leila's table and her own: both are refused and nothing reaches Leila.
    const cookies = await sara.context.cookies();
    const cookie = cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
    const fairId = /\/fairs\/([^/]+)\//.exec(sara.page.url())?.[1] ?? '';
    const saraSocket = new LiveClient(
      openSocket(app.baseUrl, cookie, { fairId, protocol: PROTOCOL_VERSION }),
    );
    await new Promise<void>((resolve) => saraSocket.socket.once('presence.self', () => resolve()));
    const saraSelf = await saraSocket.ok('presence.self', {});
    if (saraSelf.location.kind !== 'table' || !saraSelf.scope)
      throw new Error('Sara is not seated');
    const saraTableId = saraSelf.location.tableId;
    const room = await saraSocket.ok('presence.snapshot', { scope: saraSelf.scope });
    const leilaTableId =
      room.scopeKind === 'room'
        ? room.state.members.find((member) => member.person.id === leilaId)?.tableId
        : undefined;
    if (!leilaTableId) throw new Error('Leila is not seated');
    const signal: ClientPayload<'media.signal'>['signal'] = {
      kind: 'description',
      description: { type: 'offer', sdp: 'v=0\r\n' },
    };
    const viaOwnTable = await saraSocket.request('media.signal', {
      place: { kind: 'table', tableId: saraTableId },
      to: leilaId,
      signal,
    });
    expect(viaOwnTable).toMatchObject({ ok: false, error: { code: 'NOT_PEER' } });
    const viaLeilasTable = await saraSocket.request('media.signal', {
      place: { kind: 'table', tableId: leilaTableId },
      to: leilaId,
      signal,
    });
    expect(viaLeilasTable).toMatchObject({ ok: false, error: { code: 'NOT_SEATED' } });
    saraSocket.close();
    // Anything relayed would have arrived long before this.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await mediaFrames(leila.page)).join('\n')).not.toContain(saraId);

    // Matti stands up: Leila's grid drops him within two seconds, and his camera is closed.
    const leftAt = Date.now();
    await matti.page.getByRole('button', { name: 'Leave the table: 1' }).click();
    await expect
      .poll(async () => mattiId in (await remoteVideoWidths(leila.page)), {
        timeout: DROP_WITHIN_MS,
        interval: 25,
      })
      .toBe(false);
    const droppedAfterMs = Date.now() - leftAt;
    expect(await matti.page.locator('video').count()).toBe(0);
    expect(await openLocalTracks(matti.page)).toBe(0);

    const line = `video: sit→first frame ${sitToFirstFrameMs} ms`;
    console.log(`${line} (${mode}); dropped from the grid ${droppedAfterMs} ms after leaving`);
    await mkdir(screenshotDir, { recursive: true });
    await writeFile(
      path.join(screenshotDir, `video-${mode}-timing.json`),
      `${JSON.stringify({ mode, sitToFirstFrameMs, droppedAfterMs, measuredAt: new Date().toISOString() }, null, 2)}\n`,
    );
  });
});
