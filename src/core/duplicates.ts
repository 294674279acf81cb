// One rule for repeated identities (DESIGN "A class is fixed at its mechanism"): when a list that a
// decision rests on — balance rows, wallets, withdrawal limits, minimums, rates — names the same
// thing twice, nobody can tell which entry is true, so every entry of that identity becomes
// doubtful. Never "the first wins", never "the last wins", never a sum. The sanity boundary
// (core/sanity.ts) and the config's currency maps (config/schema.ts) both ask this module.

/**
 * How a currency code is compared when looking for repeats: case, spaces and separators do not make
 * two codes different (`USDT_TRC20`, `usdt-trc20` and `USDTTRC20` are one), while a different
 * suffix does (`USDC` and `USDC_ERC20` stay two balances, as the provider reports them).
 */
export function codeIdentity(code: string): string {
  return code
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** Wallet and account ids: trimmed and case-folded, so `550E8400-…` and `550e8400-…` are one wallet. */
export function idIdentity(id: string | null): string {
  return id === null ? '' : id.normalize('NFKC').trim().toLowerCase();
}

/**
 * Which items share an identity with another item. `identities` may give several keys per item
 * (a withdrawal limit is named by its provider code and by its currency on its network): sharing
 * any one of them is a repeat, and repeats chain (a shares a key with b, b with c: one group).
 * Returns, for each repeated item's index, its group's indexes in list order (one array shared by
 * the group). Near-linear in the number of items, however many repeat.
 */
export function repeatedIdentities<T>(items: readonly T[], identities: (item: T) => string | readonly string[]): Map<number, readonly number[]> {
  const parent = items.map((_, index) => index);
  const root = (index: number): number => {
    let at = index;
    while (parent[at] !== at) at = parent[at] = parent[parent[at] as number] as number;
    return at;
  };
  const firstWithKey = new Map<string, number>();
  items.forEach((item, index) => {
    const keys = identities(item);
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      const first = firstWithKey.get(key);
      if (first === undefined) firstWithKey.set(key, index);
      else parent[root(index)] = root(first);
    }
  });
  const groups = new Map<number, number[]>();
  items.forEach((_, index) => {
    const at = root(index);
    const group = groups.get(at);
    if (group) group.push(index);
    else groups.set(at, [index]);
  });
  const repeated = new Map<number, readonly number[]>();
  for (const group of groups.values()) if (group.length > 1) for (const index of group) repeated.set(index, group);
  return repeated;
}
