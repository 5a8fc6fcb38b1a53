import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NO_FORM_ERRORS,
  toFormErrors,
  type FormErrors,
  type IssueKeysByField,
} from '../lib/errors';

/**
 * Runs a form's submit task and keeps what went wrong: a message for the whole form and one
 * per field. `submit` resolves to whether the task succeeded.
 */
export function useFormSubmit(overrides?: IssueKeysByField) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [succeeded, setSucceeded] = useState(false);

  const submit = async (task: () => Promise<unknown>): Promise<boolean> => {
    setPending(true);
    setErrors(NO_FORM_ERRORS);
    setSucceeded(false);
    try {
      await task();
      setSucceeded(true);
      return true;
    } catch (error) {
      setErrors(toFormErrors(error, overrides));
      return false;
    } finally {
      setPending(false);
    }
  };

  const fieldError = (name: string): string | undefined => {
    const key = errors.fields[name];
    return key ? t(key) : undefined;
  };

  return {
    pending,
    /** The last submit went through; for a "saved" note. */
    succeeded,
    formError: errors.form ? t(errors.form) : undefined,
    fieldError,
    submit,
  };
}
