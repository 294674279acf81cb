import { describe, expect, it } from 'vitest';
import { csvCell, forTerminal } from '../../src/core/sanitize.js';
import { Redactor } from '../../src/core/secrets.js';

describe('forTerminal', () => {
  it('shows escape sequences instead of executing them', () => {
    expect(forTerminal('\x1b]0;pwned\x07name')).toBe('\\e]0;pwned\\x07name');
    expect(forTerminal('\x1b[2Jclear')).toBe('\\e[2Jclear');
    expect(forTerminal('a\rb\nc\td')).toBe('a\\rb\\nc\\td');
    expect(forTerminal('\x9b31m')).toBe('\\x9b31m');
  });

  it('escapes bidi overrides and lone surrogates', () => {
    expect(forTerminal('abc\u202edef')).toBe('abc\\u202edef');
    expect(forTerminal('x\ud800y')).toBe('x\\ud800y');
    expect(forTerminal('emoji 😀 ok')).toBe('emoji 😀 ok');
  });

  it('truncates long strings, never inside a surrogate pair', () => {
    expect(forTerminal('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(forTerminal(`${'x'.repeat(8)}😀abc`, 10)).toBe(`${'x'.repeat(8)}…`);
  });
});

describe('csvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\\t=1"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['a,b', '"a,b"'],
    ['plain', 'plain'],
  ])('defuses text %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('leaves our own decimal amounts numeric, including negatives', () => {
    expect(csvCell('-12.50', 'amount')).toBe('-12.50');
    expect(csvCell('0.000090074983482468', 'amount')).toBe('0.000090074983482468');
    expect(csvCell(null, 'amount')).toBe('');
  });
});

describe('redact', () => {
  it('removes registered secrets and their encodings, and known key shapes', () => {
    const redactor = new Redactor();
    redactor.register('canary-secret-123456');
    const redact = redactor.redact;
    const b64 = Buffer.from('canary-secret-123456').toString('base64');
    expect(redact(`key canary-secret-123456 and ${b64} and canary-secret-123456`)).toBe('key «redacted» and «redacted» and «redacted»');
    expect(redact('Invalid API key sk_live_abcdef123456')).toBe('Invalid API key «redacted»');
    expect(redact('Authorization: Bearer abcdefghijklmnop')).toBe('Authorization: Bearer «redacted»');
  });
});
