import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  submitLabel: string;
  pending: boolean;
  /** Shown as a Cancel button when the form can be closed without saving. */
  onCancel?: (() => void) | undefined;
}

/** A form's primary submit button, and Cancel where the form can be closed. */
export function FormActions({ submitLabel, pending, onCancel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={pending}>
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
