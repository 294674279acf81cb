// A long watch never goes silent on something new (issue 21 class 11): each notice kind is said,
// a changed repeat of a kind at most once per 10 minutes, and after hundreds of kinds a new one
// (an inconsistency warning among them) is still said. Memory stays bounded.
import { describe, expect, it } from 'vitest';
import { MAX_KINDS, NoticeLimiter, REPEAT_AFTER_MS, noticeKind } from '../../src/watch/notice-limiter.js';

const inconsistent = (account: string, amount: string) =>
  `warning: inconsistent balance from Cryptofuse for account '${account}' wallet 550e8400-e29b-41d4-a716-446655440000, USDTTRC20: pending_amount ${amount}: negative; excluded from totals, never a yes`;

describe('noticeKind', () => {
  it('free-standing numbers are one kind; names and ids with digits are not', () => {
    expect(noticeKind(inconsistent('casino-v3', '-900.00'))).toBe(noticeKind(inconsistent('casino-v3', '-1,250.5')));
    expect(noticeKind(inconsistent('casino-v3', '-900'))).not.toBe(noticeKind(inconsistent('casino-v1', '-900')));
    expect(noticeKind('wallet 6ba7b810-9dad-11d1 listed 2 times (5000.00, 10)')).toBe('wallet 6ba7b810-9dad-11d1 listed # times (#, #)');
  });
});

describe('NoticeLimiter', () => {
  it('says a notice once, and a changed repeat of its kind once per REPEAT_AFTER_MS', () => {
    const limiter = new NoticeLimiter();
    const said = (text: string, at: number) => limiter.admit(text, at);
    expect(said(inconsistent('a', '-1'), 0)).toBe(true);
    expect(said(inconsistent('a', '-1'), 1)).toBe(false);
    expect(said(inconsistent('a', '-2'), 60_000)).toBe(false);
    expect(said(inconsistent('a', '-3'), REPEAT_AFTER_MS)).toBe(true);
    expect(said(inconsistent('a', '-3'), 5 * REPEAT_AFTER_MS)).toBe(false);
  });

  it('after 500 kinds (100 accounts × 5 polls of moving figures) a new kind is still said', () => {
    const limiter = new NoticeLimiter();
    let said = 0;
    for (let poll = 0; poll < 5; poll++) {
      for (let account = 0; account < 100; account++) if (limiter.admit(inconsistent(`acct-${account}`, `-${poll + 1}`), poll * 60_000)) said += 1;
    }
    expect(said).toBe(100);
    expect(limiter.admit("warning: inconsistent balance from Flow Payments for account 'flow-main', ETH: balance -1: negative", 300_000)).toBe(true);
    expect(limiter.admit("Swipelux account 'swipelux' has no customers", 300_001)).toBe(true);
  });

  it('past MAX_KINDS the kind seen longest ago is forgotten, never a new one dropped', () => {
    const limiter = new NoticeLimiter(REPEAT_AFTER_MS, 3);
    for (const name of ['a', 'b', 'c']) expect(limiter.admit(`notice ${name}`, 0)).toBe(true);
    expect(limiter.admit('notice a', 1)).toBe(false); // a is the most recent now
    expect(limiter.admit('notice d', 2)).toBe(true); // b, seen longest ago, is forgotten
    expect(limiter.admit('notice b', 3)).toBe(true);
    expect(limiter.admit('notice a', 4)).toBe(false);
    expect(MAX_KINDS).toBeGreaterThanOrEqual(1000);
  });
});
