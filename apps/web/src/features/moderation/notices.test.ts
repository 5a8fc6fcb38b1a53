import { omar, ROOM_A } from '@kohtaamo/protocol/fixtures';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishT, logEntry, names } from './moderation-fixtures';
import { isModerationNews, newsText } from './notices';

let t: TFunction;
beforeAll(async () => {
  t = await englishT();
});

const at = '2026-05-04T09:00:00.000Z';

describe('moderation news', () => {
  it('tells everyone a fair-wide broadcast comes from whom', () => {
    const broadcast = {
      id: '7c2d0b1a-0000-4000-8000-000000000001',
      from: omar,
      audience: { kind: 'fair' },
      text: 'The closing speech starts soon',
      sentAt: at,
    } as const;
    expect(newsText({ kind: 'broadcast', broadcast }, names, t)).toBe(
      'Message from Omar Hassan to everyone: The closing speech starts soon',
    );
  });

  it('tells a person taken from a room where they are now; no reason when none given', () => {
    const notice = {
      action: { kind: 'remove', from: 'room' },
      by: omar,
      reason: null,
      at,
    } as const;
    expect(newsText({ kind: 'moderation', notice }, names, t)).toBe(
      'Omar Hassan asked you to leave the room. You are in the lobby.',
    );
  });

  it('says when everyone goes back from the stage', () => {
    const news = { kind: 'stage', state: { called: false, since: null } } as const;
    expect(newsText(news, names, t)).toBe(
      'Back to your tables: everyone returns from the stage to their own place.',
    );
  });

  it('confirms a table action by the table when nobody was its target', () => {
    const entry = logEntry({ action: { kind: 'table', change: 'close' }, target: null });
    expect(newsText({ kind: 'moderated', entry }, names, t)).toBe(
      'Done: Closed the table (Table 1, Housing).',
    );
  });

  it('is told apart from the live region’s other notices', () => {
    expect(isModerationNews({ kind: 'stage' })).toBe(true);
    expect(isModerationNews({ kind: 'moved' })).toBe(false);
    expect(isModerationNews({ kind: 'done', roomId: ROOM_A })).toBe(false);
  });
});
