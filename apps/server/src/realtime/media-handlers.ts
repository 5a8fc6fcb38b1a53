import type { Media } from '../media/media';
import type { Handlers } from './dispatcher';
import type { Member } from './handshake';

type MediaHandlers = Pick<Handlers, 'media.join' | 'media.leave' | 'media.signal'>;

/** The media events of one connection; media checks the seat on every one. */
export function mediaHandlers(media: Media, member: Member, socketId: string): MediaHandlers {
  return {
    'media.join': ({ place }) => media.join(socketId, member, place),
    'media.leave': async ({ place }) => {
      await media.leave(member, place);
      return {};
    },
    'media.signal': async ({ place, to, signal }) => {
      await media.signal(member, place, to, signal);
      return {};
    },
  };
}
