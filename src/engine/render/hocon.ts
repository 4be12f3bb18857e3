/**
 * HOCON values for `CLEARML__*` environment variables.
 *
 * The ClearML servers read every variable whose name starts with `CLEARML__` as a config path and
 * parse `"<path>: <value>"` with pyhocon (clearml-server v2.0.0,
 * apiserver/config/basic.py:93-109 `_read_extra_env_config_values`, and the same loop in
 * fileserver/config/basic.py:60-70). An unquoted HOCON string stops at `//` or `#` (comments) and
 * may not contain `$ " { } [ ] : = , + # ^ ? ! @ * & \` or a backtick, so URLs, passwords and paths
 * must be quoted. A HOCON quoted string has the syntax of a JSON string (HOCON spec, "Strings"),
 * so `JSON.stringify` yields one: `"` and `\` escaped, control characters as escapes, everything
 * else (unicode included) verbatim, and `${…}` inside quotes is not a substitution.
 */
export function hoconString(value: string): string {
  return JSON.stringify(value);
}

export type HoconValue = string | number | boolean | HoconValue[] | { [key: string]: HoconValue };

/** Any JSON-shaped value as HOCON: strings quoted, lists and objects in JSON syntax (valid HOCON). */
export function hoconValue(value: HoconValue): string {
  return JSON.stringify(value);
}

/**
 * A HOCON string built from another environment variable of the same container, for values that
 * come from a Secret: Kubernetes expands `$(NAME)` before the process starts. Exact only for
 * values without `"`, `\` and control characters, which the values schema and the generator
 * guarantee for keys and secrets.
 */
export const quotedReference = (envName: string): string => `"$(${envName})"`;
