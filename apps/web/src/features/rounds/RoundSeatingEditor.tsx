import {
  ROUND_MODES,
  pickText,
  type AgendaItem,
  type Registration,
  type Room,
  type RoundPlan,
} from '@kohtaamo/protocol';
import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useLanguage } from '../../hooks/use-language';
import { useResource, type Resource } from '../../hooks/use-resource';
import * as api from '../../lib/api-rounds';
import { FormAlert } from '../../ui/FormAlert';
import { FormStatus } from '../../ui/FormStatus';
import { ResourceView } from '../../ui/ResourceView';
import {
  overfullTables,
  planBodyOf,
  planFormOf,
  roundTablesOf,
  seatablePeople,
  type PlanForm,
} from './seating-plan';

interface RoundSeatingProps {
  fairId: string;
  item: AgendaItem;
  rooms: readonly Room[];
  registrations: Resource<Registration[]>;
}

/**
 * The seating of one networking round, folded away until opened (the plan loads then): whether
 * the round shuffles everyone, and who sits where when it starts. For the manage page's agenda.
 */
export function RoundSeatingSection(props: RoundSeatingProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const title = pickText(props.item.title, useLanguage());
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('rounds.editorSummary', { title })}</summary>
      {open && <RoundSeatingLoader {...props} />}
    </details>
  );
}

function RoundSeatingLoader({ fairId, item, rooms, registrations }: RoundSeatingProps) {
  const { t } = useTranslation();
  const load = useCallback(() => api.getRoundPlan(fairId, item.id), [fairId, item.id]);
  const plan = useResource(load);
  return (
    <ResourceView resource={plan.resource} onRetry={plan.reload}>
      {(saved) =>
        // The page's registrations section shows their loading and offers the retry.
        registrations.status === 'ready' ? (
          <RoundSeatingEditor
            fairId={fairId}
            item={item}
            rooms={rooms}
            people={seatablePeople(registrations.data)}
            saved={saved}
          />
        ) : (
          <p role="status" className="muted">
            {t(registrations.status === 'loading' ? 'common.loading' : 'rounds.waitingForPeople')}
          </p>
        )
      }
    </ResourceView>
  );
}

interface EditorProps {
  fairId: string;
  item: AgendaItem;
  rooms: readonly Room[];
  people: Registration[];
  saved: RoundPlan;
}

function RoundSeatingEditor({ fairId, item, rooms, people, saved }: EditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const modeHelpId = useId();
  const [form, setForm] = useState<PlanForm>(() => planFormOf(saved));
  const save = useFormSubmit();
  const tables = roundTablesOf(item, rooms, language);
  const overfull = overfullTables(form, tables);
  const setTable = (registrationId: string, tableId: string) =>
    setForm((previous) => ({
      ...previous,
      tableOf: { ...previous.tableOf, [registrationId]: tableId },
    }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save.submit(async () =>
      setForm(planFormOf(await api.putRoundPlan(fairId, item.id, planBodyOf(form)))),
    );
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="form">
      <fieldset aria-describedby={modeHelpId}>
        <legend>{t('rounds.modeLegend')}</legend>
        <p id={modeHelpId} className="muted">
          {t('rounds.modeHelp')}
        </p>
        {ROUND_MODES.map((mode) => (
          <label key={mode} className="checkbox">
            <input
              type="radio"
              name={`round-mode-${item.id}`}
              value={mode}
              checked={form.mode === mode}
              onChange={() => setForm((previous) => ({ ...previous, mode }))}
            />{' '}
            {t(`rounds.modes.${mode}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('rounds.preassignLegend')}</legend>
        {tables.length === 0 ? (
          <p className="muted">{t('rounds.noTables')}</p>
        ) : people.length === 0 ? (
          <p className="muted">{t('rounds.noPeople')}</p>
        ) : (
          <ul className="plain-list">
            {people.map((person) => (
              <li key={person.id}>
                <label>
                  {t('rounds.tableFor', {
                    name: person.profile.displayName,
                    organisation: person.profile.organisation,
                  })}{' '}
                  <select
                    value={form.tableOf[person.id] ?? ''}
                    onChange={(event) => setTable(person.id, event.target.value)}
                  >
                    <option value="">{t('rounds.noTable')}</option>
                    {tables.map((table) => (
                      <option key={table.tableId} value={table.tableId}>
                        {table.label}
                      </option>
                    ))}
                  </select>
                </label>
              </li>
            ))}
          </ul>
        )}
        {overfull.map((table) => (
          <p key={table.tableId} className="notice">
            {t('rounds.overfull', { table: table.label, count: table.capacity })}
          </p>
        ))}
      </fieldset>
      <FormAlert message={save.formError} />
      <FormStatus message={save.succeeded ? t('rounds.saved') : undefined} />
      <p>
        <button type="submit" disabled={save.pending}>
          {t('rounds.save')}
        </button>
      </p>
    </form>
  );
}
