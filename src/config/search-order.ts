// The config search order as `--help` prints it. A module of its own, with no imports: the help
// text must not pull find.ts (and the safe-file checks with node:crypto) into every start-up.
export const SEARCH_ORDER_HELP = `
Config (the first found is used; \`config check\` says which and why):
  1. --config <path>
  2. $BALANCE_CONFIG
  3. .balancerc, .balancerc.json, .balancerc.yaml, .balancerc.yml in the working
     directory, then each parent up to / (cron jobs start elsewhere: give them
     --config)
  4. $XDG_CONFIG_HOME/balance-inspector/config.yaml (default
     ~/.config/balance-inspector/config.yaml; .yml, .json too; the old folder
     ~/.config/balance/ is still read, with a warning)
`;
