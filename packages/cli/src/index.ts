/** @macaron/cli: the `macaron` command, and the configuration loader other tools reuse. */
export { configPath, DEFAULT_CONFIG_FILE, loadConfig, readConfigFile } from "./config-file.ts";
export { CLI_ERRORS, cliError } from "./errors.ts";
export { main } from "./main.ts";
