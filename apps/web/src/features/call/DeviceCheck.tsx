import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setAudioOnly } from '../../lib/media/call-session';
import { loadDeviceChoice, pickDevice, saveDeviceChoice } from '../../lib/media/devices';
import { useDevicePreview } from './use-device-preview';
import './call.css';

/**
 * Before the first table: the person sees their camera, watches the microphone meter move,
 * picks devices and joins. The choice is remembered in this browser, so later tables skip it.
 */
export function DeviceCheck({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const cameraSelectId = useId();
  const microphoneSelectId = useId();
  const meterId = useId();
  const [choice, setChoice] = useState(loadDeviceChoice);
  const [audioOnly, setAudioOnlyChoice] = useState(false);
  const preview = useDevicePreview(choice.cameraId, choice.microphoneId);
  const { cameras, microphones } = preview.devices;
  const cameraId = pickDevice(cameras, choice.cameraId);
  const microphoneId = pickDevice(microphones, choice.microphoneId);
  const videoRef = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (videoRef.current) videoRef.current.srcObject = preview.stream;
  }, [preview.stream]);

  const join = () => {
    saveDeviceChoice({ cameraId, microphoneId, checked: true });
    void setAudioOnly(audioOnly);
    onDone();
  };

  return (
    <section className="call device-check" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('deviceCheck.title')}</h2>
      <p>{t('deviceCheck.intro')}</p>
      <div role="alert">{preview.failed && <p className="alert">{t('deviceCheck.denied')}</p>}</div>
      {preview.stream?.getVideoTracks().length ? (
        <video ref={videoRef} autoPlay playsInline muted aria-label={t('deviceCheck.preview')} />
      ) : (
        !preview.failed && <p className="muted">{t('deviceCheck.loading')}</p>
      )}
      <p>
        <label htmlFor={meterId}>{t('deviceCheck.level')}</label>
        <br />
        <meter id={meterId} className="level-meter" min={0} max={1} value={preview.level} />
        <br />
        <span className="muted">{t('deviceCheck.levelHint')}</span>
      </p>
      <div className="field">
        <label htmlFor={cameraSelectId}>{t('deviceCheck.camera')}</label>
        <select
          id={cameraSelectId}
          value={cameraId ?? ''}
          disabled={cameras.length === 0}
          onChange={(event) => setChoice({ ...choice, cameraId: event.target.value })}
        >
          {cameras.length === 0 && <option value="">{t('deviceCheck.noCamera')}</option>}
          {cameras.map((camera, index) => (
            <option key={camera.deviceId} value={camera.deviceId}>
              {camera.label || t('deviceCheck.cameraNumber', { number: index + 1 })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={microphoneSelectId}>{t('deviceCheck.microphone')}</label>
        <select
          id={microphoneSelectId}
          value={microphoneId ?? ''}
          disabled={microphones.length === 0}
          onChange={(event) => setChoice({ ...choice, microphoneId: event.target.value })}
        >
          {microphones.length === 0 && <option value="">{t('deviceCheck.noMicrophone')}</option>}
          {microphones.map((microphone, index) => (
            <option key={microphone.deviceId} value={microphone.deviceId}>
              {microphone.label || t('deviceCheck.microphoneNumber', { number: index + 1 })}
            </option>
          ))}
        </select>
      </div>
      <p>
        <label>
          <input
            type="checkbox"
            checked={audioOnly}
            onChange={(event) => setAudioOnlyChoice(event.target.checked)}
          />{' '}
          {t('deviceCheck.audioOnly')}
        </label>
      </p>
      <p>
        <button type="button" className="primary" onClick={join}>
          {t('deviceCheck.join')}
        </button>
      </p>
    </section>
  );
}
