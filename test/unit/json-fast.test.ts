// The fast lossless path (src/core/json-fast.ts) must give exactly what lossless-json gives, or
// step aside. Checked on thousands of generated bodies (seeded, so a failure reproduces): exact
// 18-decimal numbers, exponents, huge integers, -0, escapes and unicode, keys that look like
// numbers or contain colons, "__proto__", duplicate keys with equal and different values, random
// whitespace, and mutations that make the text invalid.
import { parse, isLosslessNumber, LosslessNumber } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { fastLosslessParse } from '../../src/core/json-fast.js';
import { JsonSyntaxError, parseLosslessJson } from '../../src/core/json.js';

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMBERS = [
  '0',
  '-0',
  '0.0',
  '18',
  '-7',
  '1250.50',
  '0.000090074983482468',
  '123456789.123456789012345678',
  '1e-8',
  '1.5E+20',
  '-2.5e-300',
  '1e400',
  '6.02214076e23',
  '123456789012345678901234567890123456789',
  '9007199254740993',
  '-0.000000000000000001',
  '1E0',
];
const STRINGS = [
  '',
  'USDT',
  'a\\"b',
  'back\\\\slash\\\\',
  'line\\nbreak',
  '\\u00e9t\\u00e9',
  '\\ud83d\\ude00',
  'Ünïcödé ✓',
  '10:30:00Z',
  '1.5',
  '-3',
  '{"not":"json"}',
  '\\u0001x',
  '\\/',
  'tab\\there',
  '"',
  '\\\\"',
];
const KEYS = ['id', 'balance', 'available', '__proto__', 'constructor', 'a:b', 'x\\"y', 'ключ', '1', '2abc', '-1', 'é', ''];

function generator(random: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const ws = () => (random() < 0.2 ? pick([' ', '\n', '\t', '\r\n', '  ']) : '');
  const value = (depth: number): string => {
    const r = random();
    if (depth > 3 || r < 0.35) return pick(NUMBERS);
    if (r < 0.55) return `"${random() < 0.5 ? pick(STRINGS) : pick(KEYS)}"`;
    if (r < 0.62) return pick(['true', 'false', 'null']);
    if (r < 0.8) return `[${ws()}${Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1)).join(`${ws()},${ws()}`)}${ws()}]`;
    const members: string[] = [];
    const used: string[] = [];
    for (let i = Math.floor(random() * 5); i > 0; i--) {
      const duplicate = used.length > 0 && random() < 0.04;
      const key = duplicate ? pick(used) : pick(KEYS);
      used.push(key);
      members.push(`"${key}"${ws()}:${ws()}${value(depth + 1)}`);
      if (duplicate && random() < 0.5) members.push(members[members.length - 1] ?? '');
    }
    return `{${ws()}${members.join(`${ws()},${ws()}`)}${ws()}}`;
  };
  return () => `${ws()}${value(0)}${ws()}`;
}

/**
 * A canonical text of a parsed value: key order, prototypes and the class and exact text of every
 * number included (toStrictEqual cannot be used: a "constructor" key confuses its type check).
 */
function canon(value: unknown): string {
  if (value instanceof LosslessNumber) return `N(${value.value})`;
  if (typeof value === 'number') return `float(${value})`;
  if (Array.isArray(value)) return `[${value.map(canon).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const proto = Object.getPrototypeOf(value) === Object.prototype ? '' : '!proto';
    return `{${proto}${Object.keys(value)
      .map((k) => `${JSON.stringify(k)}:${canon((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? String(value);
}

// Errors are compared by kind only: parseLosslessJson rewords lossless-json's message (json.ts), and
// it reaches that code only through the fallback, which is lossless-json itself.
function reference(text: string): { value: string } | { error: true } {
  try {
    return { value: canon(parse(text)) };
  } catch {
    return { error: true };
  }
}

function ours(text: string): { value: string } | { error: true } {
  try {
    return { value: canon(parseLosslessJson(text)) };
  } catch (error) {
    expect(error).toBeInstanceOf(JsonSyntaxError);
    return { error: true };
  }
}

function mutate(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const choice = random();
  if (choice < 0.3) return text.slice(0, at);
  if (choice < 0.6) return text.slice(0, at) + '",:}]01.e-x\\'.charAt(Math.floor(random() * 13)) + text.slice(at);
  if (choice < 0.8) return text.replace(/\b18\b|1250\.50/, random() < 0.5 ? '018' : '1.');
  return text.slice(0, at) + text.slice(at + 1);
}

describe('fast lossless JSON path', () => {
  it('agrees with lossless-json on 3000 generated bodies, and answers for most of them', () => {
    const random = prng(20261121);
    const next = generator(random);
    let answered = 0;
    for (let i = 0; i < 3000; i++) {
      const text = next();
      const expected = reference(text);
      expect(ours(text), text).toStrictEqual(expected);
      const fast = fastLosslessParse(text);
      if (fast) {
        answered++;
        expect(canon(fast.value), text).toBe('value' in expected && expected.value);
      }
    }
    expect(answered).toBeGreaterThan(1500);
  });

  it('agrees with lossless-json on 3000 mutated (mostly invalid) bodies', () => {
    const random = prng(7);
    const next = generator(random);
    for (let i = 0; i < 3000; i++) {
      const text = mutate(next(), random);
      const expected = reference(text);
      const fast = fastLosslessParse(text);
      if ('error' in expected) expect(fast, text).toBeNull();
      else if (fast) expect(canon(fast.value), text).toBe(expected.value);
      expect('error' in ours(text), text).toBe('error' in expected);
    }
  });

  it('keeps every digit and the exact source text of each number', () => {
    const text = '{"a": 0.123456789012345678, "b": [1e-8, -0, 123456789012345678901234567890], "c": "0.1"}';
    const value = fastLosslessParse(text)?.value as { a: unknown; b: unknown[]; c: unknown };
    expect(isLosslessNumber(value.a) && value.a.value).toBe('0.123456789012345678');
    expect(value.b.map((n) => (isLosslessNumber(n) ? n.value : n))).toEqual(['1e-8', '-0', '123456789012345678901234567890']);
    expect(value.c).toBe('0.1');
  });

  it('steps aside for duplicate keys, integer-like keys and invalid text', () => {
    expect(fastLosslessParse('{"a": 1, "a": 2}')).toBeNull();
    expect(fastLosslessParse('{"a": 1, "a": 1}')).toBeNull();
    expect(fastLosslessParse('{"b": 1, "1": 2}')).toBeNull();
    expect(fastLosslessParse('{"a": 01}')).toBeNull();
    expect(fastLosslessParse('{"a": "unterminated}')).toBeNull();
    expect(() => parseLosslessJson('{"balances": [], "balances": [{"currency": "USD"}]}')).toThrow(/Duplicate key 'balances'/);
    expect(canon(parseLosslessJson('{"a": 1, "a": 1}'))).toBe(canon(parse('{"a": 1, "a": 1}')));
  });

  it('keeps "__proto__" as an own key, never as the prototype', () => {
    const value = fastLosslessParse('{"__proto__": {"polluted": 1}, "x": 2}')?.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'x']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
