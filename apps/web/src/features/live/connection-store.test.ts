import { afterEach, describe, expect, it } from 'vitest';
import {
  dismissRestored,
  resetConnectionStore,
  setConnectionStatus,
  useConnectionStore,
} from './connection-store';

const restored = () => useConnectionStore.getState().restored;

describe('the connection news', () => {
  afterEach(resetConnectionStore);

  it('says the connection is back when it returns after being lost', () => {
    setConnectionStatus({ kind: 'connecting' });
    setConnectionStatus({ kind: 'connected' });
    expect(restored()).toBe(false);
    setConnectionStatus({ kind: 'reconnecting' });
    expect(restored()).toBe(false);
    setConnectionStatus({ kind: 'connected' });
    expect(restored()).toBe(true);
  });

  it('keeps the news while connected, until it is dismissed', () => {
    setConnectionStatus({ kind: 'reconnecting' });
    setConnectionStatus({ kind: 'connected' });
    setConnectionStatus({ kind: 'connected' });
    expect(restored()).toBe(true);
    dismissRestored();
    expect(restored()).toBe(false);
  });

  it('drops the news as soon as the connection is lost again', () => {
    setConnectionStatus({ kind: 'reconnecting' });
    setConnectionStatus({ kind: 'connected' });
    setConnectionStatus({ kind: 'reconnecting' });
    expect(restored()).toBe(false);
  });

  it('does not call a first connection a return', () => {
    setConnectionStatus({ kind: 'connecting' });
    setConnectionStatus({ kind: 'connected' });
    expect(restored()).toBe(false);
  });
});
