import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inviteQrImages, qrFileName, type InviteQrImages } from './invite-qr';

type QrState = { url: string; images: InviteQrImages } | { url: string; failed: true };

/** The invite link as a QR code for posters and slides, with a PNG to download and print. */
export function InviteQrCode({ url, fairTitle }: { url: string; fairTitle: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<QrState | null>(null);

  useEffect(() => {
    let current = true;
    inviteQrImages(url).then(
      (images) => current && setState({ url, images }),
      () => current && setState({ url, failed: true }),
    );
    return () => {
      current = false;
    };
  }, [url]);

  // Until the code for this link is drawn, an older link's code is not shown.
  if (!state || state.url !== url) return <p className="muted">{t('invite.qrDrawing')}</p>;
  if ('failed' in state) return <p className="muted">{t('invite.qrFailed')}</p>;
  return (
    <figure className="invite-qr">
      <img src={state.images.svg} alt={t('invite.qrAlt', { url })} width={200} height={200} />
      <figcaption>
        <a href={state.images.png} download={qrFileName(fairTitle)} className="button-link">
          {t('invite.qrDownload')}
        </a>
      </figcaption>
    </figure>
  );
}
