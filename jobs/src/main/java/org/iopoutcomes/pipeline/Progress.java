package org.iopoutcomes.pipeline;

/** Where a run reports what it is doing: one readable line at a time. */
@FunctionalInterface
public interface Progress {

  void say(String line);

  Progress SILENT = line -> { };
}
