/**
 * Stand-in for console-internal modules the development host does not implement (code editors,
 * dashboards, Prometheus, virtualized tables, …). Every export is a component or hook that
 * fails loudly when used, so a plugin relying on one is noticed here rather than silently
 * rendering nothing.
 */
const names = new Map();

const unsupported = (name) => {
  if (!names.has(name)) {
    const fn = function UnsupportedConsoleExport() {
      throw new Error(
        `"${name}" is a console-internal export that the development console host does not implement.`,
      );
    };
    names.set(name, fn);
  }
  return names.get(name);
};

module.exports = new Proxy(
  {},
  {
    get: (_target, property) => {
      if (property === '__esModule') return false;
      if (typeof property !== 'string') return undefined;
      return unsupported(property);
    },
  },
);
