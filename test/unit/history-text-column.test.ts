// History stores exact decimals in TEXT columns; what a driver hands back is read as text, and
// anything that is not a string or a number is a schema bug, never "[object Object]".
import { describe, expect, it } from 'vitest';
import { text } from '../../src/history/store/db.js';

describe('text columns', () => {
  it('keeps strings, prints numbers, maps no value to null', () => {
    expect([text('12.50'), text(7), text(9007199254740993n), text(null), text(undefined)]).toEqual(['12.50', '7', '9007199254740993', null, null]);
  });

  it('refuses a value that would print as [object Object]', () => {
    expect(() => text({ value: '1' })).toThrow('a text column held object');
  });
});
