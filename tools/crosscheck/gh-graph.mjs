// GitHub side of the expanded-graph cross-check: for each repository folder given (one per line
// on stdin), parses every workflow under .github/workflows/ with @actions/workflow-parser and
// expands it the way a run does: a job that calls a local reusable workflow (`./` or `$/`) is
// replaced by the called workflow's jobs, `caller/job` (recursively, 10 levels); the called jobs
// without needs wait for the caller's needs; whoever needs the caller waits for every called job.
// Static matrices are counted with GitHub's documented rules (cartesian product, exclude, include);
// a matrix whose value is an expression counts 1 (what pipeperf assumes, said in a diagnostic).
// Prints one JSON line per workflow: {repo, file, jobs: {jobPath: instances}, edges: ["a>b"]}.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } from "@actions/workflow-parser";
import { ErrorPolicy } from "@actions/workflow-parser/model/convert";
import { TemplateContext, TemplateValidationErrors } from "@actions/workflow-parser/templates/template-context";
import { getWorkflowSchema } from "@actions/workflow-parser/workflows/workflow-schema";
import { FeatureFlags } from "@actions/expressions/features";

const featureFlags = new FeatureFlags({ allowBackgroundSteps: true });
const DYNAMIC = Symbol("dynamic");

async function parse(file) {
  const content = readFileSync(file, "utf8");
  const context = new TemplateContext(new TemplateValidationErrors(), getWorkflowSchema(), new NoOperationTraceWriter());
  context.state.featureFlags = featureFlags;
  const parsed = parseWorkflow({ name: file, content }, context);
  if (parsed.value === undefined) return undefined;
  return convertWorkflowTemplate(parsed.context, parsed.value, undefined, { errorPolicy: ErrorPolicy.TryConversion, featureFlags });
}

// A template token as a plain value; expressions become DYNAMIC.
function plain(t) {
  if (t === undefined || t === null) return null;
  switch (t.templateTokenType) {
    case 0: return t.value;
    case 1: { const a = []; for (let i = 0; i < t.count; i++) a.push(plain(t.get(i))); return a; }
    case 2: { const o = {}; for (let i = 0; i < t.count; i++) { const kv = t.get(i); o[String(plain(kv.key))] = plain(kv.value); } return o; }
    case 5: case 6: return t.value;
    case 7: return null;
    default: return DYNAMIC;
  }
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function matches(combo, pattern) {
  return Object.entries(pattern).every(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v) && combo[k] && typeof combo[k] === "object"
      ? matches(combo[k], v) : String(combo[k]) === String(v));
}

// GitHub's documented matrix expansion; a literal fromJSON('...') is evaluated first.
function literal(v) {
  if (typeof v !== "string") return v;
  const m = /^\s*\$\{\{\s*fromjson\(\s*'((?:[^']|'')*)'\s*\)\s*\}\}\s*$/is.exec(v);
  if (!m) return v;
  try { return JSON.parse(m[1].replace(/''/g, "'")); } catch { return v; }
}
function instances(strategy) {
  if (!strategy) return 1;
  const s = plain(strategy);
  if (s === DYNAMIC || s === null || typeof s !== "object") return 1;
  let matrix = s.matrix;
  if (matrix === undefined || matrix === null) return 1;
  if (matrix === DYNAMIC) return 1;
  if (typeof matrix === "string") matrix = literal(matrix);
  if (typeof matrix !== "object") return 1;
  let dynamic = false;
  const axes = [];
  let include = [], exclude = [];
  for (let [k, v] of Object.entries(matrix)) {
    v = v === DYNAMIC ? DYNAMIC : literal(v);
    if (k === "include" || k === "exclude") {
      const list = v === DYNAMIC || typeof v === "string" ? (dynamic = true, []) : (Array.isArray(v) ? v : []);
      (k === "include" ? include : exclude).push(...list.filter(x => x && typeof x === "object"));
    } else if (Array.isArray(v)) axes.push([k, v]);
    else { dynamic = true; axes.push([k, [v]]); }
  }
  let combos = axes.length ? [{}] : [];
  for (const [k, vs] of axes) combos = combos.flatMap(c => vs.map(v => ({ ...c, [k]: v })));
  combos = combos.filter(c => !exclude.some(x => matches(c, x)));
  const originals = combos.map(c => ({ ...c }));
  const fromAxes = combos.length;
  for (const inc of include) {
    let added = false;
    for (let i = 0; i < fromAxes; i++) {
      const overwrites = Object.entries(inc).some(([k, v]) => k in originals[i] && !same(originals[i][k], v));
      if (!overwrites) { Object.assign(combos[i], inc); added = true; }
    }
    if (!added) combos.push({ ...inc });
  }
  return Math.max(1, combos.length) || (dynamic ? 1 : 1);
}

function isLocal(ref) { return ref.startsWith("./") || ref.startsWith("$/"); }
function localPath(ref) { return ref.substring(2).split("@")[0]; }

// Adds a workflow's jobs (under prefix, each counted times `times`) and needs edges to `out`;
// returns {roots, all}: the jobs that wait for nothing inside it, and every job it expands to.
async function expand(repo, template, prefix, times, depth, stack, out) {
  const jobs = template.jobs ?? [];
  const byId = Object.fromEntries(jobs.map(j => [j.id.value, j]));
  const order = [], done = new Set();
  const visit = (id, seen) => {
    if (done.has(id) || seen.has(id) || !byId[id]) return;
    seen.add(id);
    for (const n of byId[id].needs ?? []) visit(n.value, seen);
    done.add(id); order.push(id);
  };
  jobs.forEach(j => visit(j.id.value, new Set()));
  const all = {}, roots = [];
  for (const id of order) {
    const job = byId[id];
    const path = prefix + id;
    const upstream = (job.needs ?? []).map(n => n.value).filter(n => all[n]).flatMap(n => all[n]);
    const count = instances(job.strategy) * times;
    let starts, mine;
    if (job.type === "reusableWorkflowJob" && isLocal(job.ref.value)) {
      const callee = join(repo, localPath(job.ref.value));
      let inner = null;
      if (existsSync(callee) && depth < 10 && !stack.includes(callee)) {
        try { inner = await parse(callee); } catch { inner = null; }
      }
      const sub = inner ? await expand(repo, inner, path + "/", count, depth + 1, [...stack, callee], out) : { roots: [], all: [] };
      starts = sub.roots; mine = sub.all;
    } else {
      out.jobs[path] = count;
      starts = [path]; mine = [path];
    }
    for (const s of starts) {
      if (upstream.length === 0) roots.push(s);
      for (const u of upstream) out.edges.add(u + ">" + s);
    }
    all[id] = mine;
  }
  return { roots, all: Object.values(all).flat() };
}

const repos = readFileSync(0, "utf8").split("\n").filter(Boolean);
for (const repo of repos) {
  const dir = join(repo, ".github", "workflows");
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name) || !statSync(join(dir, name)).isFile()) continue;
    const file = `.github/workflows/${name}`;
    let template;
    try { template = await parse(join(dir, name)); } catch (e) { continue; }
    if (!template) continue;
    const ev = template.events ? Object.keys(template.events) : [];
    if (ev.length === 1 && ev[0] === "workflow_call") continue; // only called, never run on its own
    const out = { jobs: {}, edges: new Set() };
    await expand(repo, template, "", 1, 0, [join(dir, name)], out);
    process.stdout.write(JSON.stringify({ repo, file, jobs: out.jobs, edges: [...out.edges].sort() }) + "\n");
  }
}
