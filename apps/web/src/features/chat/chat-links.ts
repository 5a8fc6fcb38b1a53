import { find } from 'linkifyjs';

/** A piece of a chat message: plain text, or a link that is safe to open. */
export type MessagePart =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/** Schemes a link in chat may open; `javascript:` and the like stay plain text. */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

function safeHref(href: string): string | null {
  try {
    return SAFE_PROTOCOLS.has(new URL(href).protocol) ? href : null;
  } catch {
    return null;
  }
}

/**
 * Splits a message into text and links (web addresses, with or without `https://`, and email
 * addresses). The parts are rendered as React text and `<a>` elements, never as HTML, so a
 * message cannot inject markup.
 */
export function splitLinks(text: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let at = 0;
  const pushText = (end: number) => {
    if (end <= at) return;
    const last = parts.at(-1);
    const piece = text.slice(at, end);
    if (last?.kind === 'text') last.text += piece;
    else parts.push({ kind: 'text', text: piece });
  };
  for (const found of find(text)) {
    const href = safeHref(found.href);
    if (!href) continue;
    pushText(found.start);
    parts.push({ kind: 'link', text: found.value, href });
    at = found.end;
  }
  pushText(text.length);
  return parts;
}
