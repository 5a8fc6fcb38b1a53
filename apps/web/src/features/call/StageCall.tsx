import { useTranslation } from 'react-i18next';
import { CallView } from './CallView';

/** The stage as the audience watches it (speakers and organisers publish there). */
export function StageCall({ publishes }: { publishes: boolean }) {
  const { t } = useTranslation();
  return (
    <CallView
      place={{ kind: 'stage' }}
      title={t('call.stageTitle')}
      publishes={publishes}
      emptyText={t('call.stageEmpty')}
    />
  );
}
