import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalControls } from '../../lib/media/call-state';
import type { CallActions } from '../../lib/media/use-call';

interface CallControlsProps {
  controls: LocalControls;
  actions: CallActions;
  /** A stage viewer only listens: no microphone, camera or screen. */
  publishes: boolean;
}

/**
 * The call's buttons. Toggles are real buttons with `aria-pressed`, so a screen reader says
 * whether the microphone is on, and each has a visible label, not only an icon.
 */
export function CallControls({ controls, actions, publishes }: CallControlsProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const screenSupported = typeof navigator.mediaDevices?.getDisplayMedia === 'function';
  return (
    <div className="call-controls" role="group" aria-label={t('call.controls')}>
      {publishes && (
        <>
          <button
            type="button"
            aria-pressed={!controls.micOn}
            onClick={() => actions.setMicrophone(!controls.micOn)}
          >
            {t('call.muteMicrophone')}
          </button>
          <button
            type="button"
            aria-pressed={!controls.cameraOn}
            disabled={controls.audioOnly}
            onClick={() => actions.setCamera(!controls.cameraOn)}
          >
            {t('call.cameraOff')}
          </button>
          {screenSupported && (
            <button
              type="button"
              aria-pressed={controls.screenOn}
              disabled={controls.audioOnly}
              onClick={() => actions.setScreenShare(!controls.screenOn)}
            >
              {t('call.shareScreen')}
            </button>
          )}
        </>
      )}
      <button
        type="button"
        aria-pressed={controls.audioOnly}
        aria-describedby={hintId}
        onClick={() => actions.setAudioOnly(!controls.audioOnly)}
      >
        {t('call.audioOnly')}
      </button>
      <button type="button" onClick={actions.leave}>
        {t('call.leave')}
      </button>
      <p id={hintId} className="muted call-hint">
        {t('call.audioOnlyHint')}
      </p>
    </div>
  );
}
