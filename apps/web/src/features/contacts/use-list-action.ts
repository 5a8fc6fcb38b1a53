import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../lib/errors';

/**
 * Runs an action on a request or a person (answer, withdraw, block) and keeps what to say
 * afterwards: a status line on success, an alert on failure. The list item acted on usually
 * disappears, so the messages live with the list.
 */
export function useListAction() {
  const { t } = useTranslation();
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const run = async (id: string, task: () => Promise<unknown>, done: string) => {
    setPendingId(id);
    setStatus(undefined);
    setError(undefined);
    try {
      await task();
      setStatus(done);
    } catch (failure) {
      setError(t(errorMessageKey(failure)));
    } finally {
      setPendingId(null);
    }
  };

  return { pendingId, status, error, run };
}
