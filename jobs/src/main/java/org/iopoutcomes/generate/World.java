package org.iopoutcomes.generate;

import java.io.Serializable;

/**
 * One deterministic world of episodes, defined by N (admissions per 3-year block) and a seed.
 * Episode i is admitted in block i / N: block 0 covers the 3 years ending on
 * {@link WorldParameters#REFERENCE_LAST_DAY}, block 1 the 3 years after, and so on, so admissions
 * keep arriving at the same rate after any day. A batch is this world as known through a day.
 */
public record World(long episodesPerBlock, long seed) implements Serializable {

  public World {
    if (episodesPerBlock < 1) {
      throw new IllegalArgumentException("--episodes must be at least 1, got " + episodesPerBlock);
    }
  }

  /** The first day of block 0 (epoch day). */
  public static int firstDay() {
    return (int) WorldParameters.REFERENCE_LAST_DAY.toEpochDay() - WorldParameters.BLOCK_DAYS + 1;
  }

  ProgramCatalog catalog() {
    return new ProgramCatalog(episodesPerBlock);
  }

  /** The first episode index whose admission can fall on or after a day. */
  long firstIndexAdmittedFrom(int day) {
    long block = Math.max(0, Math.floorDiv(day - firstDay(), WorldParameters.BLOCK_DAYS));
    return block * episodesPerBlock;
  }

  /** One past the last episode index whose admission can fall on or before a day. */
  long endIndexAdmittedThrough(int day) {
    long block = Math.floorDiv(day - firstDay(), WorldParameters.BLOCK_DAYS);
    return Math.max(0, (block + 1) * episodesPerBlock);
  }
}
