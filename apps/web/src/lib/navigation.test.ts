import { describe, expect, it } from 'vitest';
import { paths, safeNextPath, withNext } from './navigation';

describe('safeNextPath', () => {
  it('follows only paths inside this site', () => {
    expect(safeNextPath('/join/abc?x=1')).toBe('/join/abc?x=1');
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
  });
});

describe('withNext', () => {
  it('adds the way back, leaving it out for the home page', () => {
    expect(withNext(paths.signIn, '/join/a b')).toBe('/signin?next=%2Fjoin%2Fa%20b');
    expect(withNext(paths.signIn, '/')).toBe('/signin');
  });
});
