import type { Room } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import { clearNotice, useNoticeStore } from './notice-store';
import { noticeText } from './notice-text';
import { useFairNames } from './use-fair-names';

/**
 * Announces what happened to the person's place: errors as alerts, the rest politely. Both
 * regions are always rendered (screen readers only announce changes to regions they already
 * know), and the bar sticks to the bottom of the screen so that a phone user who tapped a
 * button far down the page still sees the answer.
 */
export function LiveAnnouncer({ rooms }: { rooms: readonly Room[] }) {
  const { t } = useTranslation();
  const notice = useNoticeStore((state) => state.notice);
  const names = useFairNames(rooms);
  const text = notice ? noticeText(notice, names, t) : null;
  const isError = notice?.kind === 'error';

  return (
    <div className={notice ? 'live-notice' : undefined}>
      <div role="alert">
        {notice && isError && (
          <p key={notice.id} className="alert">
            {text}
          </p>
        )}
      </div>
      <div role="status">
        {notice && !isError && (
          <p key={notice.id} className="notice">
            {text}
          </p>
        )}
      </div>
      {notice && (
        <button type="button" onClick={clearNotice}>
          {t('live.dismiss')}
        </button>
      )}
    </div>
  );
}
