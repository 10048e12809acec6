// Node 20 refuses `import x from "./file.json"` without `with { type: "json" }`, which
// @actions/workflow-parser's ESM build does (workflow-schema.js, action-schema.js).
// Register a loader hook that serves .json URLs as JSON modules.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
export async function load(url, context, nextLoad) {
  if (url.endsWith(".json")) {
    return nextLoad(url, { ...context, format: "json", importAttributes: { type: "json" } });
  }
  return nextLoad(url, context);
}
`),
  import.meta.url
);
