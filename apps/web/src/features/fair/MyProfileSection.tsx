import { pickText, type Profile, type Room } from '@kohtaamo/protocol';
import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useInlineEdit } from '../../hooks/use-inline-edit';
import { useLanguage } from '../../hooks/use-language';
import { useResource } from '../../hooks/use-resource';
import * as api from '../../lib/api';
import { languageName } from '../../lib/language';
import { FormStatus } from '../../ui/FormStatus';
import { ResourceView } from '../../ui/ResourceView';
import { ProfileEditForm } from './ProfileEditForm';

interface MyProfileSectionProps {
  fairId: string;
  rooms: readonly Room[];
  /** After a save, so the rest of the page (names of speakers, facilitators) is current too. */
  onSaved: () => void;
}

/** The profile the person registered with for this fair, and a form to change it. */
export function MyProfileSection({ fairId, rooms, onSaved }: MyProfileSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const load = useCallback(() => api.getMyRegistration(fairId), [fairId]);
  const { resource, reload } = useResource(load);
  const { editing, saved, editButtonRef, startEditing, finishEditing } = useInlineEdit(() => {
    reload();
    onSaved();
  });

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('myProfile.title')}</h2>
      <ResourceView resource={resource} onRetry={reload}>
        {({ profile }) =>
          editing ? (
            <ProfileEditForm
              fairId={fairId}
              profile={profile}
              rooms={rooms}
              onDone={finishEditing}
            />
          ) : (
            <>
              <ProfileSummary profile={profile} rooms={rooms} />
              <button ref={editButtonRef} type="button" onClick={startEditing}>
                {t('myProfile.edit')}
              </button>
            </>
          )
        }
      </ResourceView>
      {/* Outside the form, which closes on saving, so the news is still announced. */}
      <FormStatus message={saved ? t('myProfile.saved') : undefined} />
    </section>
  );
}

function ProfileSummary({ profile, rooms }: { profile: Profile; rooms: readonly Room[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const themes = rooms
    .filter((room) => profile.themes.includes(room.id))
    .map((room) => pickText(room.names, language));
  const rows = [
    [t('profile.displayName'), profile.displayName],
    [t('profile.organisation'), profile.organisation],
    [t('profile.organisationType'), t(`organisationTypes.${profile.organisationType}`)],
    [t('profile.jobTitle'), profile.title],
    [
      t('profile.languages'),
      profile.languages.map((code) => languageName(code, language)).join(', '),
    ],
    [t('profile.themes'), themes.join(', ')],
  ] as const;
  return (
    <dl className="profile-summary">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd className={value ? undefined : 'muted'}>{value || t('myProfile.notGiven')}</dd>
        </div>
      ))}
    </dl>
  );
}
