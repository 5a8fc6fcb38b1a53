import { describe, expect, it } from 'vitest';
import { inviteQrImages, qrFileName } from './invite-qr';

describe('invite QR code', () => {
  it('draws the link as an SVG for the page and a PNG for printing', async () => {
    const images = await inviteQrImages('https://kohtaamo.example/join/abc123');
    expect(decodeURIComponent(images.svg)).toMatch(/^data:image\/svg\+xml;charset=utf-8,<svg/);
    expect(images.png).toMatch(/^data:image\/png;base64,/);
  });

  it('draws a different code for a different link', async () => {
    const first = await inviteQrImages('https://kohtaamo.example/join/abc123');
    const renewed = await inviteQrImages('https://kohtaamo.example/join/xyz789');
    expect(renewed.svg).not.toBe(first.svg);
  });

  it('names the download after the fair', () => {
    expect(qrFileName('Yhteistyömessut 2027')).toBe('invite-yhteistyomessut-2027.png');
    expect(qrFileName('Samarbetsmässa på Åland')).toBe('invite-samarbetsmassa-pa-aland.png');
    expect(qrFileName('!!!')).toBe('invite.png');
  });
});
