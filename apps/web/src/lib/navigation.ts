/** The app's own page paths, in one place so links and redirects agree. */
export const paths = {
  home: '/',
  signIn: '/signin',
  signUp: '/signup',
  fair: (fairId: string) => `/fairs/${encodeURIComponent(fairId)}`,
  manage: (fairId: string) => `/fairs/${encodeURIComponent(fairId)}/manage`,
  /** The live fair: the lobby with its theme rooms, and each room with its tables. */
  live: (fairId: string) => `/fairs/${encodeURIComponent(fairId)}/live`,
  liveRoom: (fairId: string, roomId: string) =>
    `/fairs/${encodeURIComponent(fairId)}/live/rooms/${encodeURIComponent(roomId)}`,
  /** My card, requests and contacts: in the live fair (keeping my seat) and after it. */
  liveContacts: (fairId: string) => `/fairs/${encodeURIComponent(fairId)}/live/contacts`,
  contacts: (fairId: string) => `/fairs/${encodeURIComponent(fairId)}/contacts`,
  /** The organiser's live dashboard: occupancy, stage call, broadcasts, the moderation log. */
  liveDashboard: (fairId: string) => `/fairs/${encodeURIComponent(fairId)}/manage/live`,
  /** My account: download my data, delete my account. */
  account: '/account',
  /** Shown once an account has been deleted (signed out by then). */
  accountDeleted: '/account/deleted',
  /** The organiser's "new actors met" report. */
  report: (fairId: string) => `/fairs/${encodeURIComponent(fairId)}/manage/report`,
} as const;

/** A sign-in or sign-up path that brings the person back to `next` afterwards. */
export function withNext(path: string, next: string): string {
  return next === paths.home ? path : `${path}?next=${encodeURIComponent(next)}`;
}

/**
 * Where to go after signing in. Only paths inside this site are followed, so a crafted link
 * cannot send someone elsewhere ("//evil.example" and "https://…" fall back to the home page).
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return paths.home;
  }
  return next;
}
