// Joins the two dumps (github.jsonl from gh-dump.mjs, pipeperf.jsonl from PipeperfDump.java) and
// reports where the parsers disagree: acceptance, job ids, needs. Writes the full report to the
// path in argv[4] and prints the summary on stdout.
//
//   node compare.mjs github.jsonl pipeperf.jsonl report.txt
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";

const [ghPath, ppPath, reportPath] = process.argv.slice(2);
if (!ghPath || !ppPath) {
  console.error("usage: node compare.mjs github.jsonl pipeperf.jsonl [report.txt]");
  process.exit(2);
}

function load(path) {
  const m = new Map();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    m.set(r.file, r);
  }
  return m;
}

const gh = load(ghPath);
const pp = load(ppPath);
const files = [...new Set([...gh.keys(), ...pp.keys()])].sort();

// Rough classes of GitHub error messages, so the summary says *what kind* of check fired.
const GH_CLASSES = [
  // the converter's assertMapping() on a value the schema allows to be an expression (env, services)
  ["converter-rejects-expression", /Unexpected type 'BasicExpressionToken' encountered/],
  ["expression", /named-value|Unrecognized function|Unexpected symbol|Unexpected end of expression|Expected a property name|template expression is not allowed|Too few parameters|Too many parameters|Unexpected type of value|Unexpected token|Unclosed|Exceeded max expression/i],
  ["needs", /depends on|dependency graph|at least one job with no dependencies/],
  ["id", /The identifier '.*' (is invalid|may not be used more than once)/],
  ["cron", /cron expression|key 'cron'/i],
  ["yaml", /YAML|Map keys must be unique|Implicit keys|Implicit map keys|Nested mappings|Unexpected scalar|Missing closing|BAD_INDENT|Unexpected flow|Tabs are not allowed|block-seq-ind|block sequence|multiple documents|Expected mapping end|Expected a scalar value, a sequence, or a mapping/i],
  ["duplicate-key", /is already defined/],
  ["null-value", /^Unexpected value ''$|Unexpected type 'NullToken'/],
  ["required-key", /Required property is missing/],
  ["unexpected-key-or-value", /^Unexpected value '/],
  ["wrong-type", /A sequence was not expected|A mapping was not expected|Unexpected type '.*' encountered while reading/],
  ["library-crash", /is not a function|Cannot read properties of/],
  ["semantic", /./]
];
function ghClass(msg) {
  for (const [name, re] of GH_CLASSES) if (re.test(msg)) return name;
  return "other";
}

const fmtGh = e => `${e.line ?? "?"}:${e.col ?? "?"} ${e.message}  [gh:${ghClass(e.message)}]`;
const fmtPp = d => `${d.line}:${d.col} ${d.severity} ${d.code}: ${d.message}`;
const short = f => f.replace(/^(\.\.\/)?shared\/corpus\//, "").replace(/^.*\/shared\/corpus\//, "");

const counts = { files: 0, bothAccept: 0, bothReject: 0, onlyGithubRejects: 0, onlyPipeperfRejects: 0, missing: 0, crashed: 0 };
const onlyGh = [], onlyPp = [], bothRej = [], jobMismatch = [], needsMismatch = [];
const ghClassTally = new Map();   // class -> files where only GitHub rejects
const ppCodeTally = new Map();    // code -> files where only pipeperf rejects

for (const f of files) {
  const g = gh.get(f), p = pp.get(f);
  counts.files++;
  if (!g || !p) { counts.missing++; continue; }
  if (g.crashed || p.crashed) counts.crashed++;
  const ppHigh = p.diagnostics.filter(d => d.severity === "HIGH" || d.severity === "BLOCKER");
  if (g.accepted && p.accepted) counts.bothAccept++;
  else if (!g.accepted && !p.accepted) { counts.bothReject++; bothRej.push({ f, g, p, ppHigh }); }
  else if (!g.accepted) {
    counts.onlyGithubRejects++;
    onlyGh.push({ f, g, p });
    for (const c of new Set(g.errors.map(e => ghClass(e.message)))) ghClassTally.set(c, (ghClassTally.get(c) ?? 0) + 1);
  } else {
    counts.onlyPipeperfRejects++;
    onlyPp.push({ f, g, p, ppHigh });
    for (const c of new Set(ppHigh.map(d => d.code))) ppCodeTally.set(c, (ppCodeTally.get(c) ?? 0) + 1);
  }

  // Shape: job ids and needs. Only meaningful when both sides produced jobs.
  const gj = g.jobs ?? {}, pj = p.jobs ?? {};
  const gIds = Object.keys(gj), pIds = Object.keys(pj);
  if (gIds.length === 0 && pIds.length === 0) continue;
  const onlyG = gIds.filter(id => !(id in pj)), onlyP = pIds.filter(id => !(id in gj));
  if (onlyG.length || onlyP.length) jobMismatch.push({ f, onlyG, onlyP, g, p });
  for (const id of gIds.filter(id => id in pj)) {
    const a = gj[id], b = pj[id];
    const same = a.length === b.length && a.every((x, i) => x === b[i]);
    if (!same) needsMismatch.push({ f, id, gh: a, pp: b });
  }
}

const L = [];
const h = s => { L.push("", s, "=".repeat(s.length)); };
L.push("pipeperf vs @actions/workflow-parser cross-check");
const rel = p => relative(process.cwd(), p) || p;
L.push(`github: ${rel(ghPath)} (workflow-parser feature flags: ${process.env.CROSSCHECK_FEATURE_FLAGS || "none"})`, `pipeperf: ${rel(ppPath)}`);
h("Counts");
const summary = [
  `files                 ${counts.files}`,
  `both accept           ${counts.bothAccept}`,
  `both reject           ${counts.bothReject}`,
  `only GitHub rejects   ${counts.onlyGithubRejects}`,
  `only pipeperf rejects ${counts.onlyPipeperfRejects}`,
  `job-id mismatches     ${jobMismatch.length} files`,
  `needs mismatches      ${needsMismatch.length} jobs`,
  `crashed (either side) ${counts.crashed}`,
  `missing on one side   ${counts.missing}`
];
L.push(...summary);
const tally = m => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `  ${k}: ${v}`);
summary.push("only GitHub rejects, by GitHub error class (files):", ...tally(ghClassTally));
summary.push("only pipeperf rejects, by pipeperf code (files):", ...tally(ppCodeTally));
L.push("only GitHub rejects, by GitHub error class (files):", ...tally(ghClassTally));
L.push("only pipeperf rejects, by pipeperf code (files):", ...tally(ppCodeTally));

h(`Job-id mismatches (${jobMismatch.length})`);
for (const m of jobMismatch) {
  L.push(`${short(m.f)}`);
  if (m.onlyG.length) L.push(`  only GitHub has:   ${m.onlyG.join(", ")}`);
  if (m.onlyP.length) L.push(`  only pipeperf has: ${m.onlyP.join(", ")}`);
}
h(`Needs mismatches (${needsMismatch.length})`);
for (const m of needsMismatch) L.push(`${short(m.f)} job ${m.id}: GitHub [${m.gh.join(", ")}] vs pipeperf [${m.pp.join(", ")}]`);

h(`Only GitHub rejects (${onlyGh.length})`);
for (const { f, g, p } of onlyGh) {
  L.push(short(f));
  for (const e of g.errors) L.push(`  GH  ${fmtGh(e)}`);
  for (const d of p.diagnostics) L.push(`  PP  ${fmtPp(d)}`);
}
h(`Only pipeperf rejects (${onlyPp.length})`);
for (const { f, g, p } of onlyPp) {
  L.push(short(f));
  for (const d of p.diagnostics) L.push(`  PP  ${fmtPp(d)}`);
  for (const e of g.errors) L.push(`  GH  ${fmtGh(e)}`);
}
h(`Both reject (${bothRej.length}) — pipeperf HIGH/BLOCKER findings vs GitHub errors`);
for (const { f, g, ppHigh } of bothRej) {
  L.push(short(f));
  for (const d of ppHigh) L.push(`  PP  ${fmtPp(d)}`);
  for (const e of g.errors) L.push(`  GH  ${fmtGh(e)}`);
}
h("Per file");
for (const f of files) {
  const g = gh.get(f), p = pp.get(f);
  const v = x => (x ? (x.accepted ? "accept" : "reject") : "missing");
  L.push(`${v(g).padEnd(7)} ${v(p).padEnd(7)} ${short(f)}`);
}

const text = L.join("\n") + "\n";
if (reportPath) writeFileSync(reportPath, text);
console.log(summary.join("\n"));
if (reportPath) console.log(`full report: ${rel(reportPath)}`);
