package org.iopoutcomes.generate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iopoutcomes.generate.WorldParameters.Outcomes;
import org.iopoutcomes.generate.WorldParameters.ProgramKind;

/**
 * The programs of a world of N admissions per block. The number of programs of a kind grows with N
 * so that a program keeps a realistic census (about {@code clientsPerProgram} clients in care at
 * once), and a program runs as many parallel groups (slots) as keep a group near
 * {@link WorldParameters#GROUP_SIZE}. Depends on N alone, so every batch of a world agrees on it.
 */
final class ProgramCatalog implements Serializable {

  /** One program; {@code index} is its position in the catalog, {@code slots} its parallel groups. */
  record Program(int index, String id, String kind, int slots) implements Serializable {}

  private final List<Program> programs = new ArrayList<>();
  private final Map<String, int[]> rangeOfKind = new LinkedHashMap<>();

  ProgramCatalog(long episodesPerBlock) {
    for (ProgramKind kind : WorldParameters.KINDS) {
      double census = episodesPerBlock * kind.share() * meanStayDays(kind.outcomes()) / WorldParameters.BLOCK_DAYS;
      int count = (int) Math.max(2, Math.round(census / kind.clientsPerProgram()));
      double censusPerProgram = census / count;
      int slots = (int) Math.max(1, Math.ceil(censusPerProgram * groupDayShare(kind) / WorldParameters.GROUP_SIZE));
      rangeOfKind.put(kind.name(), new int[] {programs.size(), count});
      for (int n = 1; n <= count; n++) {
        programs.add(new Program(programs.size(), String.format("prg-%s%03d", kind.prefix(), n), kind.name(), slots));
      }
    }
  }

  Program program(int index) {
    return programs.get(index);
  }

  int size() {
    return programs.size();
  }

  /** The n-th program (0-based, modulo the count) of a kind. */
  Program ofKind(String kind, int n) {
    int[] range = rangeOfKind.get(kind);
    return programs.get(range[0] + Math.floorMod(n, range[1]));
  }

  int countOfKind(String kind) {
    return rangeOfKind.get(kind)[1];
  }

  static double meanStayDays(Outcomes outcomes) {
    double completed = outcomes.completionRate();
    return completed * outcomes.completedStay().mean()
        + (1 - completed) * WorldParameters.EARLY_EXIT_SHARE * outcomes.earlyExitStay().mean()
        + (1 - completed) * (1 - WorldParameters.EARLY_EXIT_SHARE) * outcomes.otherExitStay().mean();
  }

  /** The share of a program's clients booked on one of its group days. */
  private static double groupDayShare(ProgramKind kind) {
    WorldParameters.Schedule schedule = kind.schedule();
    double meanDays = schedule.groupDaysPerWeek().values().stream()
        .mapToDouble(d -> d * schedule.groupDaysPerWeek().share(d)).sum();
    return Math.min(1, meanDays / (schedule.weekdaysOnly() ? 5.0 : 7.0));
  }
}
