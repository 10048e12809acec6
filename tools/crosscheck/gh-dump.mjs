// GitHub side of the cross-check: runs @actions/workflow-parser over each file given as an
// argument (or one path per line on stdin) and prints one JSON line per file:
//   {file, accepted, jobs: {id: [needs]}, errors: [{line, col, message}], crashed?}
// accepted = no errors from parsing nor from conversion.
//
// Used the way GitHub's own tooling (actions/languageservices, languageservice/src/validate.ts)
// uses it: parseWorkflow(), then convertWorkflowTemplate() with ErrorPolicy.TryConversion so that
// conversion-time checks (needs, job ids, cron, runs-on, ...) also run and we still get the jobs
// when there are schema errors. Needs `node --import ./register.mjs` on Node 20 (JSON imports).
import { readFileSync } from "node:fs";
import { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } from "@actions/workflow-parser";
import { ErrorPolicy } from "@actions/workflow-parser/model/convert";

const PREFIX = /^(?:.*? )?\(Line: (\d+), Col: (\d+)\): /;

function toError(e) {
  // e is a TemplateValidationError: prefix "name (Line: l, Col: c)", rawMessage, range
  const raw = e.rawMessage ?? e.message ?? String(e);
  let line = e.range?.start?.line;
  let col = e.range?.start?.column;
  const m = PREFIX.exec(e.message ?? "");
  if (line === undefined && m) {
    line = Number(m[1]);
    col = Number(m[2]);
  }
  return { line: line ?? null, col: col ?? null, message: String(raw).replace(/\s+/g, " ").trim() };
}

async function dump(file) {
  const out = { file, accepted: false, jobs: {}, errors: [] };
  let content;
  try {
    content = readFileSync(file, "utf8");
  } catch (err) {
    out.errors.push({ line: null, col: null, message: `cannot read: ${err.message}` });
    return out;
  }
  try {
    const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
    if (parsed.value !== undefined) {
      const template = await convertWorkflowTemplate(parsed.context, parsed.value, undefined, {
        errorPolicy: ErrorPolicy.TryConversion
      });
      for (const job of template.jobs ?? []) {
        const id = job.id?.value;
        if (id === undefined) continue;
        out.jobs[id] = (job.needs ?? []).map(n => n.value);
      }
    }
    out.errors = parsed.context.errors.getErrors().map(toError);
  } catch (err) {
    out.crashed = true;
    out.errors.push({ line: null, col: null, message: `workflow-parser threw: ${err?.message ?? err}` });
  }
  out.accepted = out.errors.length === 0;
  return out;
}

let files = process.argv.slice(2);
if (files.length === 0) {
  files = readFileSync(0, "utf8").split("\n").filter(Boolean);
}
for (const f of files) {
  process.stdout.write(JSON.stringify(await dump(f)) + "\n");
}
