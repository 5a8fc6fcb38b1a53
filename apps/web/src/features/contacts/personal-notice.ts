import type { PersonalEvent } from '../../lib/realtime/client';
import type { Notice } from '../live/notice-store';

/**
 * What a personal event from the live connection announces: requests to me and answers to
 * mine, named after the other person. A changed list of people met is shown, not announced:
 * it changes each time someone stands up from a table.
 */
export function personalNotice(event: PersonalEvent): Notice | null {
  switch (event.kind) {
    case 'contactRequest':
      return { kind: 'contact', news: 'request', name: event.request.from.name };
    case 'contactWithdrawn':
      return { kind: 'contact', news: 'withdrawn', name: event.request.from.name };
    case 'contactAnswered': {
      const { status, to } = event.request;
      if (status === 'accepted') return { kind: 'contact', news: 'accepted', name: to.name };
      if (status === 'declined') return { kind: 'contact', news: 'declined', name: to.name };
      return null;
    }
    case 'meetingsChanged':
      return null;
  }
}
