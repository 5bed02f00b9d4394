package org.iopoutcomes.pipeline;

import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;

/**
 * What a run costs in fixed work, whatever its data: the Spark jobs and SQL executions it started
 * and the Delta commits it made. A small run's time goes mostly to these, so a change that adds one
 * shows here before it shows in seconds. Counted by a listener on the session's event bus between
 * {@link #start} and {@link #stop}; commits are the tables' version numbers after the run less those
 * before it.
 */
public final class RunActivity {

  /** The counts of one run. */
  public record Counts(long sparkJobs, long sqlExecutions, long deltaCommits) {
    @Override
    public String toString() {
      return String.format("%d Spark jobs, %d SQL executions, %d Delta commits", sparkJobs, sqlExecutions,
          deltaCommits);
    }
  }

  /** How long to wait for the event bus to deliver the run's last events. */
  private static final long DRAIN_MILLIS = 10_000;

  private final SparkContext context;
  private final Listener listener = new Listener();
  private final Map<String, Long> versionsBefore;

  private RunActivity(SparkContext context, Map<String, Long> versionsBefore) {
    this.context = context;
    this.versionsBefore = versionsBefore;
  }

  /** Starts counting; {@code versionsBefore} are the lake's table versions now, by table. */
  static RunActivity start(SparkContext context, Map<String, Long> versionsBefore) {
    RunActivity activity = new RunActivity(context, versionsBefore);
    context.addSparkListener(activity.listener);
    return activity;
  }

  /** Stops counting; {@code versionsAfter} are the lake's table versions at the end of the run. */
  Counts stop(Map<String, Long> versionsAfter) {
    try {
      context.listenerBus().waitUntilEmpty(DRAIN_MILLIS);
    } catch (TimeoutException e) {
      // The counts are a diagnostic: a bus that has not caught up gives counts a little short.
    }
    stopIfRunning();
    long commits = 0;
    for (Map.Entry<String, Long> table : versionsAfter.entrySet()) {
      Long before = versionsBefore.get(table.getKey());
      commits += table.getValue() - (before == null ? -1 : before);
    }
    return new Counts(listener.jobs.get(), listener.sqlExecutions.get(), commits);
  }

  /** Stops counting, if not stopped yet (a run that failed). */
  void stopIfRunning() {
    context.removeSparkListener(listener);
  }

  private static final class Listener extends SparkListener {
    private final AtomicLong jobs = new AtomicLong();
    private final AtomicLong sqlExecutions = new AtomicLong();

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
      jobs.incrementAndGet();
    }

    @Override
    public void onOtherEvent(SparkListenerEvent event) {
      if (event instanceof SparkListenerSQLExecutionStart) {
        sqlExecutions.incrementAndGet();
      }
    }
  }
}
