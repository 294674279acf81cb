// How an error names the option a bad value came from. The same checks serve the CLI and the
// library, but a library caller never typed `--config`: the CLI passes its flags, the library
// default names the options object's keys (`configPath`, `provider`, …).

export interface OptionNames {
  configPath: string;
  accounts: string;
  provider: string;
  network: string;
  mode: string;
}

/** The library's words: the keys of the options a caller passed. */
export const LIBRARY_OPTION_NAMES: OptionNames = {
  configPath: 'configPath',
  accounts: 'accounts',
  provider: 'provider',
  network: 'network',
  mode: 'mode',
};

/** The CLI's words: its flags. */
export const CLI_OPTION_NAMES: OptionNames = {
  configPath: '--config',
  accounts: '--account',
  provider: '--provider',
  network: '--network',
  mode: '--mode',
};
