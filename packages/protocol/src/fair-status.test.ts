import { describe, expect, it } from 'vitest';
import { admitsToLive, fairStatusSteps, liveRefusalOf } from './fair-status';

describe('who enters the live fair', () => {
  it('admits only the people who run a draft fair', () => {
    expect(admitsToLive('draft', 'organiser')).toBe(true);
    expect(admitsToLive('draft', 'facilitator')).toBe(true);
    expect(admitsToLive('draft', 'speaker')).toBe(true);
    expect(admitsToLive('draft', 'participant')).toBe(false);
    expect(liveRefusalOf('draft')).toBe('FAIR_NOT_OPEN');
  });

  it('admits everyone registered once the fair is open or live', () => {
    expect(admitsToLive('open', 'participant')).toBe(true);
    expect(admitsToLive('live', 'participant')).toBe(true);
  });

  it('admits only organisers once the fair is closed', () => {
    expect(admitsToLive('closed', 'organiser')).toBe(true);
    expect(admitsToLive('closed', 'facilitator')).toBe(false);
    expect(admitsToLive('closed', 'participant')).toBe(false);
    expect(liveRefusalOf('closed')).toBe('FAIR_CLOSED');
  });
});

describe('fair status steps', () => {
  it('moves one step on or back through draft, open, live and closed', () => {
    expect(fairStatusSteps('draft')).toEqual({ next: 'open', previous: undefined });
    expect(fairStatusSteps('live')).toEqual({ next: 'closed', previous: 'open' });
    expect(fairStatusSteps('closed')).toEqual({ next: undefined, previous: 'live' });
  });
});
