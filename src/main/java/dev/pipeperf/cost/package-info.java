/**
 * The cost model (spec §7): runner prices from a dated data file ({@link
 * dev.pipeperf.cost.Pricing}), which runner a job's {@code runs-on} gets ({@link
 * dev.pipeperf.cost.RunnerKind}), billable minutes per run ({@link
 * dev.pipeperf.cost.BillableMinutes}), and what a run costs and saves per month ({@link
 * dev.pipeperf.cost.MonthlyCost}, {@link dev.pipeperf.cost.Savings}, {@link
 * dev.pipeperf.cost.BreakEven}) under documented assumptions ({@link
 * dev.pipeperf.cost.CostInputs}).
 */
package dev.pipeperf.cost;
