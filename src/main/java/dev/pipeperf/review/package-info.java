/**
 * The decisions a review shows, computed once from an analysis: the evidence and the verdict, the
 * phased plan, the impact/effort matrix, bottlenecks, the decision tree, key files, the cache
 * strategy, the Dockerfile architecture and each workflow's timeline. Renderers in {@code report}
 * print these models and decide nothing; {@code gate} reads timelines from here.
 */
package dev.pipeperf.review;
