import { describe, expect, it } from 'vitest';
import { NO_CHOICE, parseDeviceChoice, pickDevice } from './devices';

describe('remembered devices', () => {
  it('reads back what was stored', () => {
    const stored = JSON.stringify({ cameraId: 'cam-2', microphoneId: 'mic-1', checked: true });
    expect(parseDeviceChoice(stored)).toEqual({
      cameraId: 'cam-2',
      microphoneId: 'mic-1',
      checked: true,
    });
  });

  it('starts afresh from anything that is not a stored choice', () => {
    expect(parseDeviceChoice(null)).toEqual(NO_CHOICE);
    expect(parseDeviceChoice('{not json')).toEqual(NO_CHOICE);
    expect(parseDeviceChoice('"cam-1"')).toEqual(NO_CHOICE);
    expect(parseDeviceChoice(JSON.stringify({ cameraId: 7, checked: 'yes' }))).toEqual(NO_CHOICE);
  });
});

describe('choosing a device', () => {
  const devices = [{ deviceId: 'default' }, { deviceId: 'usb-camera' }];

  it('keeps the remembered device while it is plugged in', () => {
    expect(pickDevice(devices, 'usb-camera')).toBe('usb-camera');
  });

  it('falls back to the browser’s first device when the remembered one is gone', () => {
    expect(pickDevice(devices, 'unplugged')).toBe('default');
    expect(pickDevice(devices, null)).toBe('default');
  });

  it('has nothing to pick on a machine without such a device', () => {
    expect(pickDevice([], 'usb-camera')).toBeNull();
  });
});
