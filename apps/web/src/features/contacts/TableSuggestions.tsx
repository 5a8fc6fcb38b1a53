import { pickText, type TableSuggestion } from '@kohtaamo/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLanguage } from '../../hooks/use-language';
import { paths } from '../../lib/navigation';
import { goTo } from '../live/live-session';
import { tableIdOf } from '../live/places';
import { usePresenceStore } from '../live/presence-store';
import { suggestionReasons, visibleSuggestions } from './suggestions';
import { useTableSuggestions } from './use-table-suggestions';

/**
 * Tables with a free seat where people from organisations I have not met are sitting, best
 * first, each with a button that sits me down there and opens its room.
 */
export function TableSuggestions({ fairId }: { fairId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const state = useTableSuggestions();
  const myTableId = usePresenceStore((store) => tableIdOf(store.self?.location));

  let body;
  if (state.status === 'loading') {
    body = <p className="muted">{t('common.loading')}</p>;
  } else if (state.status === 'error') {
    body = <p className="muted">{t('suggestions.unavailable')}</p>;
  } else {
    const shown = visibleSuggestions(state.suggestions, myTableId);
    body =
      shown.length === 0 ? (
        <p className="muted">{t('suggestions.none')}</p>
      ) : (
        <ul className="card-list live-grid" aria-labelledby={headingId}>
          {shown.map((suggestion) => (
            <SuggestionCard
              key={suggestion.tableId}
              fairId={fairId}
              suggestion={suggestion}
              seated={myTableId !== null}
            />
          ))}
        </ul>
      );
  }

  return (
    <section aria-labelledby={headingId} className="suggestions">
      <h2 id={headingId}>{t('suggestions.title')}</h2>
      <p className="hint">{t('suggestions.intro')}</p>
      {body}
    </section>
  );
}

interface SuggestionCardProps {
  fairId: string;
  suggestion: TableSuggestion;
  /** Whether I sit at a table now, so the button says "move" rather than "sit down". */
  seated: boolean;
}

function SuggestionCard({ fairId, suggestion, seated }: SuggestionCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);
  const room = pickText(suggestion.roomNames, language);
  const table = suggestion.tableName;
  const action = seated ? 'move' : 'sit';

  const join = async () => {
    setPending(true);
    try {
      const result = await goTo(
        { kind: 'table', tableId: suggestion.tableId },
        { kind: 'done', action, roomId: suggestion.roomId, tableId: suggestion.tableId },
      );
      // The room page shows where I now sit; this page's own place would otherwise undo it.
      if (result.ok) await navigate(paths.liveRoom(fairId, suggestion.roomId));
    } finally {
      setPending(false);
    }
  };

  return (
    <li className="card live-card">
      <h3>{t('suggestions.tableIn', { table, room })}</h3>
      <ul className="plain-list reasons">
        {suggestionReasons(suggestion, language, t).map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      {suggestion.seated.length > 0 && (
        <p className="muted">
          {t('suggestions.seated', {
            names: suggestion.seated.map((person) => person.name).join(', '),
          })}
        </p>
      )}
      <p className="card-action">
        <button
          type="button"
          className="primary"
          disabled={pending}
          aria-label={t(`suggestions.${action}Named`, { table, room })}
          onClick={() => void join()}
        >
          {t(`liveRoom.${action}`)}
        </button>
      </p>
    </li>
  );
}
