import type { Registration } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import type { Resource } from '../../hooks/use-resource';
import { errorMessageKey } from '../../lib/errors';
import { CheckboxGroup } from '../../ui/Field';

interface SpeakerChoicesProps {
  registrations: Resource<Registration[]>;
  selected: readonly string[];
  onSelected: (speakerIds: string[]) => void;
  error: string | undefined;
}

/** Speakers are chosen among the fair's registered people, listed by name. */
export function SpeakerChoices({
  registrations,
  selected,
  onSelected,
  error,
}: SpeakerChoicesProps) {
  const { t } = useTranslation();
  if (registrations.status !== 'ready') {
    const message =
      registrations.status === 'loading'
        ? t('common.loading')
        : t(errorMessageKey(registrations.error));
    return <p className="muted">{t('agendaForm.speakersStatus', { status: message })}</p>;
  }
  const options = [...registrations.data]
    .sort((a, b) => a.profile.displayName.localeCompare(b.profile.displayName))
    .map((registration) => ({
      value: registration.id,
      label: `${registration.profile.displayName} (${registration.profile.organisation})`,
    }));
  if (options.length === 0) {
    return <p className="muted">{t('agendaForm.noSpeakers')}</p>;
  }
  return (
    <CheckboxGroup
      legend={t('agendaForm.speakers')}
      hint={t('agendaForm.speakersHint')}
      options={options}
      selected={selected}
      onSelected={onSelected}
      error={error}
    />
  );
}
