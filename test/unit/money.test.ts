import { describe, expect, it } from 'vitest';
import { LosslessNumber } from 'lossless-json';
import {
  exactMinus,
  exactPlus,
  exactTimes,
  formatDecimal,
  formatUsdForPeople,
  fractionDigits,
  groupThousands,
  parseAmount,
  parseUserDecimal,
  sumDecimals,
  Decimal,
} from '../../src/core/money.js';
import { parseLosslessJson, stringifyOutputJson } from '../../src/core/json.js';

function ok(input: unknown): { text: string; scale: number } {
  const parsed = parseAmount(input);
  if ('error' in parsed) throw new Error(parsed.error);
  return { text: formatDecimal(parsed.value, parsed.scale), scale: parsed.scale };
}

describe('parseAmount', () => {
  it('keeps every digit of strings and lossless JSON numbers', () => {
    expect(ok('0.000090074983482468').text).toBe('0.000090074983482468');
    expect(ok(new LosslessNumber('0.123456789012345678')).text).toBe('0.123456789012345678');
    expect(ok('1234567890123456789012345678901234567890').text).toBe('1234567890123456789012345678901234567890');
    expect(ok('0.123456789012345678901234567890').text).toBe('0.123456789012345678901234567890');
  });

  it('keeps the provider scale so trailing zeros print back', () => {
    expect(ok('1250.50')).toEqual({ text: '1250.50', scale: 2 });
    expect(ok('525000.00').text).toBe('525000.00');
  });

  it('accepts JSON numbers with exponents (Python sends 1e-08) but not absurd ones', () => {
    expect(ok(new LosslessNumber('1e-08')).text).toBe('0.00000001');
    expect(parseAmount(new LosslessNumber('1e400'))).toEqual({ error: '"1e400" is out of range for an amount' });
  });

  it('normalizes negative zero to zero', () => {
    expect(ok('-0').text).toBe('0');
    // The value itself, as the library hands it out: no sign left on it.
    for (const input of ['-0', '-0.00', new LosslessNumber('-0e5')]) {
      const parsed = parseAmount(input);
      expect('value' in parsed && [parsed.value.isNegative(), parsed.value.toString()]).toEqual([false, '0']);
    }
    expect(ok(new LosslessNumber('-0.00')).text).toBe('0.00');
  });

  it.each([['NaN'], ['Infinity'], ['1e3'], ['+5'], ['1,000'], [' '], ['0x10'], ['١٢'], ['.5'], ['5.']])('rejects the string %j', (input) => {
    expect(parseAmount(input)).toHaveProperty('error');
  });

  it('rejects non-amount types, including plain JS numbers', () => {
    expect(parseAmount(null)).toEqual({ error: 'null instead of a decimal amount' });
    expect(parseAmount(true)).toEqual({ error: 'a boolean instead of a decimal amount' });
    expect(parseAmount(0.1)).toHaveProperty('error');
  });
});

describe('lossless JSON', () => {
  it('parses numbers without going through floats and rejects duplicate keys', () => {
    const body = parseLosslessJson('{"a": 0.123456789012345678, "b": 12345678901234567890123}') as Record<string, LosslessNumber>;
    expect(body.a?.value).toBe('0.123456789012345678');
    expect(body.b?.value).toBe('12345678901234567890123');
    expect(() => parseLosslessJson('{"amount": "1", "amount": "1000000"}')).toThrow(/Duplicate key/);
  });

  it('escapes bidi controls and line separators in output JSON', () => {
    expect(stringifyOutputJson({ s: 'a\u202eb\u2028c' }, 0)).toBe('{"s":"a\\u202eb\\u2028c"}');
  });
});

describe('formatting', () => {
  it('never prints exponents', () => {
    expect(formatDecimal(new Decimal('1e-30'))).toBe('0.000000000000000000000000000001');
    expect(formatDecimal(new Decimal('1e30'))).toBe('1000000000000000000000000000000');
  });

  it('rounds USD to cents for people only, and never hides a tiny value as zero', () => {
    expect(formatUsdForPeople(new Decimal('0.28'))).toBe('0.28');
    expect(formatUsdForPeople(new Decimal('341.245'))).toBe('341.25');
    expect(formatUsdForPeople(new Decimal('0.0001'))).toBe('<0.01');
    expect(formatUsdForPeople(new Decimal('0'))).toBe('0.00');
  });

  it('groups thousands in the integer part only', () => {
    expect(groupThousands('450000.000001')).toBe('450,000.000001');
    expect(groupThousands('-1234567')).toBe('-1,234,567');
    expect(groupThousands('999')).toBe('999');
  });

  it('multiplies 18-decimal amounts by rates exactly', () => {
    const value = new Decimal('0.000090074983482468').times('3125.16675365');
    expect(formatDecimal(value)).toBe('0.2814993437149818912500082');
  });

  it('parses user decimals strictly', () => {
    expect(parseUserDecimal('10')?.toString()).toBe('10');
    expect(parseUserDecimal('1e3')).toBeNull();
    expect(parseUserDecimal('1,000')).toBeNull();
  });
});

describe('what an amount that cannot be used is called', () => {
  it('names the problem in one line, quoting at most 40 characters of the input', () => {
    expect(parseAmount(5)).toEqual({ error: 'a JS number (precision may already be lost); pass a decimal string' });
    expect(parseAmount([])).toEqual({ error: 'an array instead of a decimal amount' });
    expect(parseAmount({})).toEqual({ error: 'a object instead of a decimal amount' });
    expect(parseAmount('')).toEqual({ error: 'an empty string instead of a decimal amount' });
    expect(parseAmount('   ')).toEqual({ error: 'an empty string instead of a decimal amount' });
    expect(parseAmount('1,5')).toEqual({ error: '"1,5" is not a plain decimal amount' });
    const forty = '1'.repeat(39) + 'x';
    expect(parseAmount(forty)).toEqual({ error: `"${forty}" is not a plain decimal amount` });
    expect(parseAmount(`${forty}9`)).toEqual({ error: `"${forty}…" is not a plain decimal amount` });
  });

  it('trims a string amount, and reads its scale as written', () => {
    expect(ok(' 1.50 ')).toEqual({ text: '1.50', scale: 2 });
  });

  it('accepts exponents up to 60 either way, with or without a sign, and reads the scale from the value', () => {
    expect(ok(new LosslessNumber('1e60')).text).toBe(`1${'0'.repeat(60)}`);
    expect(ok(new LosslessNumber('1e-60')).scale).toBe(60);
    expect(ok(new LosslessNumber('1.5e+1'))).toEqual({ text: '15', scale: 0 });
    expect(ok(new LosslessNumber('25E-1'))).toEqual({ text: '2.5', scale: 1 });
    expect(parseAmount(new LosslessNumber('1e61'))).toEqual({ error: '"1e61" is out of range for an amount' });
    expect(parseAmount(new LosslessNumber('1e+61'))).toEqual({ error: '"1e+61" is out of range for an amount' });
    expect(parseAmount(new LosslessNumber('1E-61'))).toEqual({ error: '"1E-61" is out of range for an amount' });
  });
});

describe('negative zero never prints', () => {
  it('whatever its scale', () => {
    expect(formatDecimal(new Decimal('-0'))).toBe('0');
    expect(formatDecimal(new Decimal('-0'), 2)).toBe('0.00');
    expect(formatDecimal(new Decimal('-0.000'), 3)).toBe('0.000');
    expect(formatDecimal(new Decimal('-10.00'), 2)).toBe('-10.00');
    expect(formatDecimal(new Decimal('-0.5'), 2)).toBe('-0.50');
  });

  it('nor does a user decimal of zero carry a sign', () => {
    expect(parseUserDecimal('-0')?.isNegative()).toBe(false);
    expect(parseUserDecimal(' 2.50 ')?.toFixed(2)).toBe('2.50');
    expect(parseUserDecimal('-2.5')?.toFixed(1)).toBe('-2.5');
  });

  it('groups a negative amount with its sign in front', () => {
    expect(groupThousands('-1234567.5')).toBe('-1,234,567.5');
  });

  it('people see tiny negative USD values as ">-0.01", never as zero', () => {
    expect(formatUsdForPeople(new Decimal('-0.0001'))).toBe('>-0.01');
    expect(formatUsdForPeople(new Decimal('-0.005'))).toBe('-0.01');
  });
});

describe('exact arithmetic beyond 100 digits', () => {
  it('sums, subtracts and multiplies 150-digit amounts without rounding', () => {
    const big = new Decimal(`${'9'.repeat(150)}.5`);
    expect(formatDecimal(exactPlus(big, '0.5'))).toBe(`1${'0'.repeat(150)}`);
    expect(formatDecimal(exactMinus(big, big))).toBe('0');
    expect(formatDecimal(exactTimes(new Decimal(`1${'0'.repeat(120)}1`), '3'))).toBe(`3${'0'.repeat(120)}3`);
    expect(formatDecimal(sumDecimals([big, new Decimal('0.5'), new Decimal('-1')]))).toBe(`${'9'.repeat(150)}`);
    expect(formatDecimal(sumDecimals([]))).toBe('0');
  });

  it('prints plain decimals, never exponents, whatever the size', () => {
    expect(String(new Decimal('0.0000001'))).toBe('0.0000001');
    expect(String(exactPlus(new Decimal('0.0000001'), 0))).toBe('0.0000001');
    expect(String(new Decimal('1e25'))).toBe('10000000000000000000000000');
    expect(fractionDigits('10.50')).toBe(2);
    expect(fractionDigits('10')).toBe(0);
  });
});
