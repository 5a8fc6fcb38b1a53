/**
 * The manage page's sections in page order. Their headings carry these fixed ids so the
 * in-page navigation can link to them; each section appears once on the page.
 */
export const MANAGE_SECTIONS = {
  status: { id: 'fair-status', title: 'fairStatus.title' },
  details: { id: 'fair-details', title: 'manage.detailsTitle' },
  invite: { id: 'invite-link', title: 'invite.title' },
  rooms: { id: 'rooms-and-tables', title: 'rooms.title' },
  agenda: { id: 'agenda', title: 'agenda.title' },
  registrations: { id: 'registrations', title: 'registrations.title' },
  copy: { id: 'copy-fair', title: 'copyFair.title' },
} as const;
