import { joinPath } from '@kohtaamo/protocol';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { useResource } from '../../hooks/use-resource';
import * as api from '../../lib/api';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Field } from '../../ui/Field';
import { FormAlert } from '../../ui/FormAlert';
import { FormStatus } from '../../ui/FormStatus';
import { ResourceView } from '../../ui/ResourceView';
import { InviteQrCode } from './InviteQrCode';
import { MANAGE_SECTIONS } from './manage-sections';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The link participants register with: copy it, print its QR code, or replace it when it has
 * spread too far (the QR code follows the new link).
 */
export function InviteSection({ fairId, fairTitle }: { fairId: string; fairTitle: string }) {
  const { t } = useTranslation();
  const headingId = MANAGE_SECTIONS.invite.id;
  const load = useCallback(() => api.getFairInvite(fairId), [fairId]);
  const { resource, reload } = useResource(load);
  const [copyState, setCopyState] = useState<CopyState>('idle');
  const renewal = useFormSubmit();

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  const renew = () => {
    setCopyState('idle');
    void renewal.submit(async () => {
      await api.renewFairInvite(fairId);
      reload();
    });
  };

  const copyMessage = {
    idle: undefined,
    copied: t('invite.copied'),
    failed: t('invite.copyFailed'),
  }[copyState];

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('invite.title')}</h2>
      <p className="muted">{t('invite.explanation')}</p>
      <ResourceView resource={resource} onRetry={reload}>
        {(invite) => {
          const url = `${window.location.origin}${joinPath(invite.code)}`;
          return (
            <div className="form">
              <Field label={t('invite.link')}>
                {(control) => (
                  <input {...control} readOnly value={url} onFocus={(e) => e.target.select()} />
                )}
              </Field>
              <div className="actions">
                <button type="button" onClick={() => void copy(url)}>
                  {t('invite.copy')}
                </button>
                <ConfirmButton
                  label={t('invite.renew')}
                  question={t('invite.renewQuestion')}
                  confirmLabel={t('invite.renewConfirm')}
                  onConfirm={renew}
                  disabled={renewal.pending}
                />
              </div>
              <FormAlert message={renewal.formError} />
              <FormStatus message={copyMessage} />
              <InviteQrCode url={url} fairTitle={fairTitle} />
            </div>
          );
        }}
      </ResourceView>
    </section>
  );
}
