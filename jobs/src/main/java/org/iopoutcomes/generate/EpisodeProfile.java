package org.iopoutcomes.generate;

import java.util.SplittableRandom;
import org.iopoutcomes.generate.ProgramCatalog.Program;
import org.iopoutcomes.generate.WorldParameters.Outcomes;
import org.iopoutcomes.generate.WorldParameters.ProgramKind;
import org.iopoutcomes.generate.WorldParameters.Schedule;

/**
 * Who one episode is and how its stay ends, drawn from the episode's own stream. The stay is the
 * world's truth: {@code dischargeDay} is when it really ends, whether or not a batch knows it yet.
 */
record EpisodeProfile(long index, String episodeId, String personId, Program program, ProgramKind kind,
    int admissionDay, int dischargeDay, String reason, String payment, String ageGroup, String sex,
    String substance, Boolean coOccurring, Integer priorEpisodes, boolean onMedication, boolean family,
    boolean holistic, boolean holisticByGrant, int groupWeekdays, int slot, double attendanceRate) {

  private static final long PROFILE_STREAM = 1;
  private static final long PERSON_STREAM = 3;

  static String episodeId(long index) {
    String digits = Long.toString(index);
    return "ep" + "000000000".substring(Math.min(9, digits.length())) + digits;
  }

  static EpisodeProfile draw(World world, ProgramCatalog catalog, long index) {
    SplittableRandom random = Draws.stream(world.seed(), PROFILE_STREAM, index);
    ProgramKind kind = WorldParameters.kind(WorldParameters.KIND_NAMES.draw(random));
    Program program = catalog.ofKind(kind.name(), random.nextInt(catalog.countOfKind(kind.name())));
    int admission = admissionDay(world, index, kind.schedule(), random);
    String age = WorldParameters.AGE_GROUPS.draw(random);
    String payment = age.equals("65+") && random.nextDouble() < 0.7 ? "medicare"
        : WorldParameters.PAYER_CODES.draw(random);
    String sex = optional(WorldParameters.SEXES.draw(random), random);
    String substance = optional(WorldParameters.SUBSTANCES.draw(random), random);
    double co = random.nextDouble();
    Boolean coOccurring = co < WorldParameters.CO_OCCURRING_UNKNOWN ? null : co < WorldParameters.CO_OCCURRING_UNKNOWN + WorldParameters.CO_OCCURRING_TRUE;
    int prior = WorldParameters.PRIOR_EPISODES.draw(random);
    boolean onMedication = kind.levelOfCare().equals("inpatient") || random.nextDouble()
        < (substance == null ? WorldParameters.MEDICATION_SHARE_OTHERWISE
            : WorldParameters.MEDICATION_SHARE_BY_SUBSTANCE.getOrDefault(substance, WorldParameters.MEDICATION_SHARE_OTHERWISE));
    boolean family = kind.schedule().familyEveryDays() > 0
        && (age.equals("12-17") || random.nextDouble() < kind.schedule().familyShare());
    boolean holistic = random.nextDouble() < WorldParameters.HOLISTIC_PARTICIPATION;
    boolean holisticByGrant = random.nextDouble() < WorldParameters.HOLISTIC_PAID_BY_GRANT;
    int groupWeekdays = groupWeekdays(kind.schedule(), random);
    int slot = random.nextInt(program.slots());
    String reason = reason(kind, payment, family, holistic, random);
    int stay = stayDays(kind.outcomes(), reason, random);
    double attendance = Math.min(0.99, kind.outcomes().attendanceRate() + (random.nextDouble() - 0.5) * 0.16);
    String person = personId(world, index, random);
    return new EpisodeProfile(index, episodeId(index), person, program, kind, admission, admission + stay, reason,
        payment, age, sex, substance, coOccurring, prior < 0 ? null : prior, onMedication, family, holistic,
        holisticByGrant, groupWeekdays, slot, attendance);
  }

  boolean earlyExit() {
    return reason.equals("dropped_out") || reason.equals("terminated_by_facility");
  }

  /** Uniform over the episode's block; day programs admit on weekdays only. */
  private static int admissionDay(World world, long index, Schedule schedule, SplittableRandom random) {
    int blockStart = World.firstDay() + (int) (index / world.episodesPerBlock()) * WorldParameters.BLOCK_DAYS;
    while (true) {
      int day = blockStart + random.nextInt(WorldParameters.BLOCK_DAYS);
      if (!schedule.weekdaysOnly() || GroupCalendar.weekday(day) < 5) {
        return day;
      }
    }
  }

  /**
   * Completion at the kind's rate; the early-exit share scaled by the payer's factor and lowered for
   * clients in family sessions or holistic groups (each factor divided by its mean, so the kind's
   * overall rates stay near their targets).
   */
  private static String reason(ProgramKind kind, String payment, boolean family, boolean holistic,
      SplittableRandom random) {
    Schedule schedule = kind.schedule();
    double familyShare = schedule.familyEveryDays() > 0 ? schedule.familyShare() : 0;
    double familyMean = 1 - familyShare * (1 - WorldParameters.FAMILY_EXIT_FACTOR);
    boolean runsHolistic = schedule.groups().stream().anyMatch(g -> g.component().equals("holistic"));
    double holisticMean = 1 - WorldParameters.HOLISTIC_PARTICIPATION * (1 - WorldParameters.HOLISTIC_EXIT_FACTOR);
    double factor = WorldParameters.payer(payment).earlyExitFactor() / WorldParameters.meanPayerExitFactor()
        * (family ? WorldParameters.FAMILY_EXIT_FACTOR / familyMean : 1 / familyMean)
        * (!runsHolistic ? 1 : holistic ? WorldParameters.HOLISTIC_EXIT_FACTOR / holisticMean : 1 / holisticMean);
    double completed = kind.outcomes().completionRate();
    double early = (1 - completed) * WorldParameters.EARLY_EXIT_SHARE * factor;
    double other = (1 - completed) * (1 - WorldParameters.EARLY_EXIT_SHARE);
    double u = random.nextDouble() * (completed + early + other);
    if (u < completed) {
      return "completed";
    }
    if (u < completed + early) {
      return random.nextDouble() < WorldParameters.TERMINATED_SHARE_OF_EARLY_EXITS ? "terminated_by_facility" : "dropped_out";
    }
    return WorldParameters.OTHER_EXITS.draw(random);
  }

  private static int stayDays(Outcomes outcomes, String reason, SplittableRandom random) {
    return switch (reason) {
      case "completed" -> outcomes.completedStay().draw(random);
      case "dropped_out", "terminated_by_facility" -> outcomes.earlyExitStay().draw(random);
      default -> outcomes.otherExitStay().draw(random);
    };
  }

  /** The weekdays (bit 0 = Monday) the client is booked on for groups. */
  private static int groupWeekdays(Schedule schedule, SplittableRandom random) {
    int days = schedule.groupDaysPerWeek().draw(random);
    if (!schedule.weekdaysOnly() || days >= 5) {
      return WorldParameters.EVERY_DAY;
    }
    return switch (days) {
      case 3 -> WorldParameters.MON_WED_FRI;
      case 4 -> WorldParameters.WEEKDAYS & ~WorldParameters.FRIDAY;
      case 2 -> {
        int first = random.nextInt(2);
        yield (1 << first) | (1 << (first + 3));
      }
      default -> 1 << random.nextInt(5);
    };
  }

  /** Readmissions reuse the token of an earlier episode's person. */
  private static String personId(World world, long index, SplittableRandom random) {
    long person = index;
    if (index > 0 && random.nextDouble() < WorldParameters.READMISSION_SHARE) {
      person = index - 1 - random.nextLong(Math.min(index, 50_000));
    }
    String hex = Long.toHexString(Draws.mix(world.seed() ^ Draws.mix(person + PERSON_STREAM)) & 0xFFFFFFFFFFFFL);
    return "p-" + "000000000000".substring(hex.length()) + hex;
  }

  private static String optional(String code, SplittableRandom random) {
    return random.nextDouble() < WorldParameters.EMPTY_OPTIONAL_SHARE ? null : code;
  }
}
