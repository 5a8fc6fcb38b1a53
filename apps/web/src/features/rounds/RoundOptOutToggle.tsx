import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useResource } from '../../hooks/use-resource';
import * as api from '../../lib/api-rounds';
import { FormAlert } from '../../ui/FormAlert';
import { FormStatus } from '../../ui/FormStatus';
import { ResourceView } from '../../ui/ResourceView';

/** A participant's choice to stay where they are when networking rounds shuffle the tables. */
export function RoundOptOutToggle({ fairId }: { fairId: string }) {
  const load = useCallback(() => api.getRoundOptOut(fairId), [fairId]);
  const { resource, reload } = useResource(load);
  return (
    <ResourceView resource={resource} onRetry={reload}>
      {(optedOut) => <OptOutCheckbox fairId={fairId} initial={optedOut} />}
    </ResourceView>
  );
}

function OptOutCheckbox({ fairId, initial }: { fairId: string; initial: boolean }) {
  const { t } = useTranslation();
  const helpId = useId();
  const [optedOut, setOptedOut] = useState(initial);
  const save = useFormSubmit();

  const change = async (wanted: boolean) => {
    await save.submit(async () => setOptedOut(await api.putRoundOptOut(fairId, wanted)));
  };

  return (
    <div className="card">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={optedOut}
          disabled={save.pending}
          aria-describedby={helpId}
          onChange={(event) => void change(event.target.checked)}
        />{' '}
        {t('rounds.optOutLabel')}
      </label>
      <p id={helpId} className="muted">
        {t('rounds.optOutHelp')}
      </p>
      <FormAlert message={save.formError} />
      <FormStatus
        message={save.succeeded ? t(optedOut ? 'rounds.optedOut' : 'rounds.optedIn') : undefined}
      />
    </div>
  );
}
