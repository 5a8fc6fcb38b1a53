import type { RequestHandler } from 'express';
import { HttpError } from './http-error';

/** Methods that change nothing; every other method is guarded. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a browser's `Origin` is the app's own: the public address, or the address the request
 * itself was sent to (the same origin however the server is reached, e.g. the Vite dev server's
 * proxy or a test on a free port). A page on another site cannot forge either.
 */
export function isAppOrigin(origin: string, host: string | undefined, publicUrl: string): boolean {
  if (origin === new URL(publicUrl).origin) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    // `Origin: null` (sandboxed frames, some redirects) and anything unparsable.
    return false;
  }
}

/**
 * CSRF protection for every state-changing REST call, without a token: browsers mark each
 * request with `Sec-Fetch-Site` and, for anything but GET, `Origin`, and a page on another site
 * can forge neither. A request with neither header is not from a browser (curl, LiveKit's
 * webhook, tests), so it carries no victim's cookie. The session cookie is `SameSite=Lax` and
 * bodies must be JSON as further layers: an old browser without these headers still does not
 * send the cookie with another site's POST. (The approach of Go's `CrossOriginProtection`.)
 */
export function crossSiteRequestGuard(publicUrl: string): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const fetchSite = req.get('sec-fetch-site');
    const origin = req.get('origin');
    // `none`: the person typed or bookmarked it; the browser vouches it came from no page.
    if (fetchSite === 'same-origin' || fetchSite === 'none') return next();
    if (fetchSite === undefined && origin === undefined) return next();
    if (origin !== undefined && isAppOrigin(origin, req.get('host'), publicUrl)) return next();
    next(new HttpError('FORBIDDEN', 'Requests from other sites are refused'));
  };
}
