import QRCode from 'qrcode';

/** Medium error correction: a printed code still scans with a smudge or a fold across it. */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;
/** Wide enough to print sharp on an A4 poster. */
const PNG_WIDTH_PX = 1024;

export interface InviteQrImages {
  /** An SVG data URL, shown on the page: sharp at any zoom. */
  svg: string;
  /** A PNG data URL to download and print. */
  png: string;
}

/** The invite link as a QR code, drawn in the browser: the link never leaves the page. */
export async function inviteQrImages(url: string): Promise<InviteQrImages> {
  const [svg, png] = await Promise.all([
    QRCode.toString(url, { ...QR_OPTIONS, type: 'svg' }),
    QRCode.toDataURL(url, { ...QR_OPTIONS, width: PNG_WIDTH_PX }),
  ]);
  return { svg: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, png };
}

/** "Yhteistyömessut 2027" → "invite-yhteistyomessut-2027.png". */
export function qrFileName(fairTitle: string): string {
  const slug = fairTitle
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug ? `invite-${slug}.png` : 'invite.png';
}
