import type { BrowserContext, WebSocketRoute } from 'playwright-core';

/**
 * Passes a browser context's live connection (Socket.IO over a WebSocket) through Playwright, so
 * a test can make a person's view lag on purpose: while held, what the server sends waits here,
 * and what the page sends still goes through. Released, the held messages arrive in order.
 * This is how a test shows a refusal the server makes when a page acted on a view a moment old,
 * without racing the real push. Install it before the page opens the live fair.
 */
export interface HeldSocket {
  hold(): void;
  /** Resolves once the page has sent a message matching `pattern` (sent after this call). */
  sent(pattern: RegExp): Promise<void>;
  release(): void;
}

export async function holdableSocket(context: BrowserContext): Promise<HeldSocket> {
  let held: { route: WebSocketRoute; message: string | Buffer }[] | null = null;
  const watchers: { pattern: RegExp; resolve: () => void }[] = [];

  await context.routeWebSocket(/\/socket\.io\//, (page) => {
    const server = page.connectToServer();
    page.onMessage((message) => {
      server.send(message);
      const text = message.toString();
      for (const watcher of watchers.filter((w) => w.pattern.test(text))) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve();
      }
    });
    server.onMessage((message) => {
      if (held) held.push({ route: page, message });
      else page.send(message);
    });
  });

  return {
    hold() {
      held ??= [];
    },
    sent(pattern) {
      return new Promise((resolve) => watchers.push({ pattern, resolve }));
    },
    release() {
      const waiting = held ?? [];
      held = null;
      for (const { route, message } of waiting) route.send(message);
    },
  };
}
