import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** The websocket origin of an http(s) address and the other way round, as LiveKit needs both. */
function withOtherScheme(origin: string): string {
  const [scheme = '', rest = ''] = origin.split('://');
  const other = { http: 'ws', https: 'wss', ws: 'http', wss: 'https' }[scheme];
  return other ? `${other}://${rest}` : origin;
}

/**
 * Where the web app may connect: its own server (REST and Socket.IO, `'self'`, with the
 * websocket origin spelled out for browsers whose `'self'` does not cover it) and LiveKit, whose
 * client opens a websocket and also fetches over https from the same host.
 */
function connectSources(publicUrl: string, livekitUrl: string | undefined): string[] {
  const app = new URL(publicUrl).origin;
  const sources = ["'self'", withOtherScheme(app)];
  if (livekitUrl) {
    const livekit = new URL(livekitUrl).origin;
    sources.push(livekit, withOtherScheme(livekit));
  }
  return [...new Set(sources)];
}

/**
 * The calls need the camera, the microphone and screen sharing, in the app's own pages only;
 * nothing of ours asks for a location, payments or USB devices, so an injected script cannot.
 */
const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=(self)',
  'display-capture=(self)',
  'fullscreen=(self)',
  'geolocation=()',
  'payment=()',
  'usb=()',
].join(', ');

/**
 * The Permissions-Policy, and helmet's headers with a Content-Security-Policy for the built web
 * app: its scripts and styles are files (Vite emits no inline script; React sets style
 * attributes through the DOM, which CSP allows), video comes from `MediaStream`s (`mediastream:`,
 * `blob:`), and peer-to-peer calls are not governed by CSP. HSTS and upgrading requests only when
 * the app is served over https.
 */
export function securityHeaders(publicUrl: string, livekitUrl: string | undefined): RequestHandler {
  const https = publicUrl.startsWith('https://');
  const helmetHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'", 'blob:', 'mediastream:'],
        connectSrc: connectSources(publicUrl, livekitUrl),
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https,
  });
  return (req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    helmetHeaders(req, res, next);
  };
}

/** Cross-origin reads of the API are allowed to the app's own origin only, with cookies. */
export function corsForApp(publicUrl: string): RequestHandler {
  return cors({ origin: [new URL(publicUrl).origin], credentials: true });
}
