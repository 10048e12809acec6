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
import { TemplateContext, TemplateValidationErrors } from "@actions/workflow-parser/templates/template-context";
import { getWorkflowSchema } from "@actions/workflow-parser/workflows/workflow-schema";
import { FeatureFlags } from "@actions/expressions/features";

// Experimental parser features, e.g. CROSSCHECK_FEATURE_FLAGS=allowBackgroundSteps (background:,
// wait:, wait-all:, cancel:, parallel: steps, which pipeperf models) or "all". Default: none, as
// the public parser ships. The flags must be in the context *before* parseWorkflow: the template
// reader consults them while validating, and convertWorkflowTemplate only sets them afterwards.
const flagNames = (process.env.CROSSCHECK_FEATURE_FLAGS ?? "").split(",").map(s => s.trim()).filter(Boolean);
const featureFlags = new FeatureFlags(Object.fromEntries(flagNames.map(n => [n, true])));

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
    const context = new TemplateContext(new TemplateValidationErrors(), getWorkflowSchema(), new NoOperationTraceWriter());
    context.state.featureFlags = featureFlags;
    const parsed = parseWorkflow({ name: file, content }, context);
    if (parsed.value !== undefined) {
      const template = await convertWorkflowTemplate(parsed.context, parsed.value, undefined, {
        errorPolicy: ErrorPolicy.TryConversion,
        featureFlags
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
  // The library reports some of its own TypeErrors as template errors (e.g. a job key YAML reads as
  // a boolean: "raw.indexOf is not a function"); flag them so they are not mistaken for verdicts.
  if (out.errors.some(e => /is not a function|Cannot read properties of/.test(e.message))) out.crashed = true;
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
