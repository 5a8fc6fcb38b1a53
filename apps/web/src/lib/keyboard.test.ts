import { describe, expect, it, vi } from 'vitest';
import { type EscapeKeyEvent, handleEscape } from './keyboard';

function keydown(key: string, extra: Partial<EscapeKeyEvent> = {}): EscapeKeyEvent {
  return { key, defaultPrevented: false, preventDefault: vi.fn(), ...extra };
}

describe('closing on Escape', () => {
  it('closes and keeps the key from doing anything else', () => {
    const close = vi.fn();
    const event = keydown('Escape');
    expect(handleEscape(event, close)).toBe(true);
    expect(close).toHaveBeenCalledOnce();
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('leaves other keys alone', () => {
    const close = vi.fn();
    for (const key of ['Enter', 'Tab', ' ', 'Esc ']) handleEscape(keydown(key), close);
    expect(close).not.toHaveBeenCalled();
  });

  it('does not close while an input method composes text', () => {
    const close = vi.fn();
    expect(handleEscape(keydown('Escape', { isComposing: true }), close)).toBe(false);
    expect(close).not.toHaveBeenCalled();
  });

  it('does not close when a control inside used the key already', () => {
    const close = vi.fn();
    expect(handleEscape(keydown('Escape', { defaultPrevented: true }), close)).toBe(false);
    expect(close).not.toHaveBeenCalled();
  });
});
