// Joins gh-graph.mjs and PipeperfGraph.java output per (repo, workflow) and reports: jobs GitHub
// runs that pipeperf lacks (missing), jobs pipeperf invents (extra), instance-count mismatches,
// and needs edges on either side only. Usage: node compare-graph.mjs github.jsonl pipeperf.jsonl report.txt
import { readFileSync, writeFileSync } from "node:fs";
const [gh, pp, reportFile] = process.argv.slice(2);
const load = f => new Map(readFileSync(f, "utf8").split("\n").filter(Boolean).map(JSON.parse)
  .map(x => [x.repo.replace(/.*\/real\//, "") + " " + x.file, x]));
const G = load(gh), P = load(pp);
const lines = [];
const t = { workflows: 0, ghJobs: 0, ghInstances: 0, ppInstances: 0, missingJobs: 0, extraJobs: 0, countMismatch: 0, ghEdges: 0, extraEdges: 0, missingEdges: 0, missingWorkflows: 0 };
for (const [key, g] of G) {
  t.workflows++;
  const p = P.get(key);
  t.ghJobs += Object.keys(g.jobs).length;
  t.ghInstances += Object.values(g.jobs).reduce((a, b) => a + b, 0);
  t.ghEdges += g.edges.length;
  if (!p) { t.missingWorkflows++; lines.push(`${key}: workflow missing in pipeperf`); continue; }
  t.ppInstances += Object.values(p.jobs).reduce((a, b) => a + b, 0);
  for (const [j, n] of Object.entries(g.jobs)) {
    if (!(j in p.jobs)) { t.missingJobs++; lines.push(`${key}: missing job ${j}`); }
    else if (p.jobs[j] !== n) { t.countMismatch++; lines.push(`${key}: ${j}: GitHub ${n} instances, pipeperf ${p.jobs[j]}`); }
  }
  for (const j of Object.keys(p.jobs)) if (!(j in g.jobs)) { t.extraJobs++; lines.push(`${key}: extra job ${j}`); }
  const ge = new Set(g.edges), pe = new Set(p.edges);
  for (const e of pe) if (!ge.has(e)) { t.extraEdges++; lines.push(`${key}: extra edge ${e}`); }
  for (const e of ge) if (!pe.has(e)) { t.missingEdges++; lines.push(`${key}: missing edge ${e}`); }
}
const summary = `expanded graphs: ${t.workflows} workflows (${t.missingWorkflows} missing in pipeperf), ` +
  `${t.ghJobs} job paths / ${t.ghInstances} instances on GitHub's side, ${t.ppInstances} in pipeperf; ` +
  `missing jobs ${t.missingJobs}, extra jobs ${t.extraJobs}, instance-count mismatches ${t.countMismatch}; ` +
  `${t.ghEdges} needs edges, extra edges ${t.extraEdges}, missing edges ${t.missingEdges}`;
writeFileSync(reportFile, summary + "\n\n" + lines.join("\n") + "\n");
console.log(summary);
