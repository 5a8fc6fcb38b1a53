import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReturnFocus } from '../hooks/use-focus';

interface ConfirmButtonProps {
  /** Visible text of the first button ("Delete"). */
  label: string;
  /** Its accessible name when the visible text alone is ambiguous ("Delete Housing"). */
  accessibleName?: string;
  /** The question asked before acting ("Delete the room Housing?"). */
  question: string;
  /** Text of the button that acts ("Yes, delete"). */
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  /** 'primary' for a step forward that still deserves a question (opening a fair). */
  tone?: 'danger' | 'primary';
}

/**
 * An action that asks first (destructive ones, or steps that change what others can do), in place rather than in a modal: the button turns into
 * the question with "yes" and "cancel"; focus moves to "cancel", and back when cancelled.
 */
export function ConfirmButton(props: ConfirmButtonProps) {
  const { label, accessibleName, question, confirmLabel, onConfirm, disabled } = props;
  const tone = props.tone ?? 'danger';
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const startRef = useReturnFocus<HTMLButtonElement>(asking);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) cancelRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={startRef}
        type="button"
        className={tone}
        aria-label={accessibleName}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={question} className="confirm">
      <span>{question}</span>{' '}
      <button
        type="button"
        className={tone}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>{' '}
      <button ref={cancelRef} type="button" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
