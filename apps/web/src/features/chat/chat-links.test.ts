import { describe, expect, it } from 'vitest';
import { splitLinks } from './chat-links';

describe('splitting a chat message into text and links', () => {
  it('keeps a message without links as one piece of text', () => {
    expect(splitLinks('Hei kaikki!')).toEqual([{ kind: 'text', text: 'Hei kaikki!' }]);
  });

  it('links web addresses with and without a scheme, and email addresses', () => {
    expect(splitLinks('Katso www.kela.fi tai https://omastadi.hel.fi/a?b=1, kysy a@b.fi')).toEqual([
      { kind: 'text', text: 'Katso ' },
      { kind: 'link', text: 'www.kela.fi', href: 'http://www.kela.fi' },
      { kind: 'text', text: ' tai ' },
      {
        kind: 'link',
        text: 'https://omastadi.hel.fi/a?b=1',
        href: 'https://omastadi.hel.fi/a?b=1',
      },
      { kind: 'text', text: ', kysy ' },
      { kind: 'link', text: 'a@b.fi', href: 'mailto:a@b.fi' },
    ]);
  });

  it('leaves the punctuation around a link outside it', () => {
    expect(splitLinks('(https://example.fi/x).')).toEqual([
      { kind: 'text', text: '(' },
      { kind: 'link', text: 'https://example.fi/x', href: 'https://example.fi/x' },
      { kind: 'text', text: ').' },
    ]);
  });

  it('never turns a script address or markup into a link', () => {
    const text = 'javascript:alert(1) <a href="javascript:alert(2)">x</a> <img src=x onerror=y>';
    const parts = splitLinks(text);
    expect(parts.filter((part) => part.kind === 'link')).toEqual([]);
    expect(parts.map((part) => part.text).join('')).toBe(text);
  });

  it('gives back the whole text, in order, whatever it contains', () => {
    const text = 'a www.x.fi b http://y.fi/ c d@e.fi';
    expect(
      splitLinks(text)
        .map((part) => part.text)
        .join(''),
    ).toBe(text);
  });
});
