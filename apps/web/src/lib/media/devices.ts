/**
 * Which camera and microphone a person chose in the device check, remembered in this browser
 * so that the next table (and the next visit) starts with the same ones.
 */
export const DEVICE_STORAGE_KEY = 'kohtaamo.media.devices';

export interface DeviceChoice {
  cameraId: string | null;
  microphoneId: string | null;
  /** The person has been through the device check once; later tables skip it. */
  checked: boolean;
}

export const NO_CHOICE: DeviceChoice = { cameraId: null, microphoneId: null, checked: false };

/** Reads a stored choice, ignoring anything that is not one (another version, a hand edit). */
export function parseDeviceChoice(raw: string | null): DeviceChoice {
  if (!raw) return NO_CHOICE;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return NO_CHOICE;
    const record = value as Record<string, unknown>;
    const idOrNull = (field: unknown) => (typeof field === 'string' && field ? field : null);
    return {
      cameraId: idOrNull(record.cameraId),
      microphoneId: idOrNull(record.microphoneId),
      checked: record.checked === true,
    };
  } catch {
    return NO_CHOICE;
  }
}

export function loadDeviceChoice(): DeviceChoice {
  try {
    return parseDeviceChoice(localStorage.getItem(DEVICE_STORAGE_KEY));
  } catch {
    // Storage can be blocked by privacy settings; the browser's default devices are used then.
    return NO_CHOICE;
  }
}

export function saveDeviceChoice(choice: DeviceChoice): void {
  try {
    localStorage.setItem(DEVICE_STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // Not remembered; the person chooses again next time.
  }
}

/**
 * The device to use: the remembered one while it is still plugged in, else the first one the
 * browser lists (its default). Null when there is none of that kind.
 */
export function pickDevice(
  devices: readonly Pick<MediaDeviceInfo, 'deviceId'>[],
  rememberedId: string | null,
): string | null {
  if (rememberedId && devices.some((device) => device.deviceId === rememberedId)) {
    return rememberedId;
  }
  return devices[0]?.deviceId ?? null;
}

export interface DeviceLists {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
}

/** Browsers list devices without ids or labels until the page may use the camera or mic. */
export async function listDevices(): Promise<DeviceLists> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  const usable = devices.filter((device) => device.deviceId !== '');
  return {
    cameras: usable.filter((device) => device.kind === 'videoinput'),
    microphones: usable.filter((device) => device.kind === 'audioinput'),
  };
}
