package dev.pipeperf.workflow;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * A workflow's jobs, in file order, with an index by id: rules look jobs up by id once per need,
 * and a scan per look-up made a 10,000-job chain quadratic.
 */
final class JobList extends AbstractList<Job> implements RandomAccess {

  private final List<Job> jobs;
  private final Map<String, Job> byId = new HashMap<>();

  private JobList(List<Job> jobs) {
    this.jobs = List.copyOf(jobs);
    for (Job j : this.jobs) {
      byId.putIfAbsent(j.id(), j); // the first one wins, as the scan it replaces did
    }
  }

  static List<Job> of(List<Job> jobs) {
    return jobs instanceof JobList ? jobs : new JobList(jobs);
  }

  Optional<Job> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public Job get(int index) {
    return jobs.get(index);
  }

  @Override
  public int size() {
    return jobs.size();
  }
}
