import type { Fair } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import { erasureDate, erasureStage } from './erasure-stage';

const fair: Fair = {
  id: '7b0c5f7e-52a5-4f59-9a53-0c4e1a1f6d11',
  slug: 'yhteistyomessut',
  title: 'Yhteistyömessut 2026',
  description: '',
  timeZone: 'Europe/Helsinki',
  startsAt: '2026-03-10T08:00:00.000Z',
  endsAt: '2026-03-10T11:00:00.000Z',
  languages: ['fi', 'sv'],
  status: 'closed',
  meetingThresholdSeconds: 120,
  erasedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('erasing a fair’s personal data in the manage page', () => {
  it('asks to close the fair first while it is open or live', () => {
    expect(erasureStage({ ...fair, status: 'live' }, fair.title)).toEqual({ kind: 'notClosed' });
    expect(erasureStage({ ...fair, status: 'open' }, '')).toEqual({ kind: 'notClosed' });
  });

  it("is confirmed only by the fair's name typed back, whatever the case and spacing", () => {
    expect(erasureStage(fair, '')).toEqual({ kind: 'confirming', confirmed: false });
    expect(erasureStage(fair, 'Yhteistyömessut')).toEqual({ kind: 'confirming', confirmed: false });
    // Every letter counts: "o" is not "ö".
    expect(erasureStage(fair, 'Yhteistyomessut 2026')).toMatchObject({ confirmed: false });
    expect(erasureStage(fair, '  yhteistyömessut   2026 ')).toEqual({
      kind: 'confirming',
      confirmed: true,
    });
  });

  it('shows when it was done once the fair is erased, in the fair’s time zone', () => {
    // 23:30 UTC on 19 May is already 20 May in Helsinki.
    const erasedAt = '2026-05-19T23:30:00.000Z';
    expect(erasureStage({ ...fair, erasedAt }, '')).toEqual({ kind: 'erased', erasedAt });
    expect(erasureDate(erasedAt, 'en-GB', fair.timeZone)).toBe('20 May 2026');
    expect(erasureDate(erasedAt, 'fi-FI', fair.timeZone)).toBe('20. toukokuuta 2026');
  });
});
