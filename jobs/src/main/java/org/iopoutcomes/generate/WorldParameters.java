package org.iopoutcomes.generate;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.iopoutcomes.generate.Draws.Triangle;
import org.iopoutcomes.generate.Draws.Weights;

/**
 * Every number the generated world is made of, in one place. docs/generator.md gives the source of
 * each (TEDS-D discharge data, N-SUMHSS, ASAM criteria, published IOP price ranges) and what was
 * rounded or assumed; change a number here and the world follows.
 */
public final class WorldParameters implements Serializable {

  /** The reference last day: a batch of N episodes holds the N admissions of the 3 years ending here. */
  public static final LocalDate REFERENCE_LAST_DAY = LocalDate.of(2026, 6, 30);
  /** Days of one admission block (2023-07-01 to 2026-06-30); each further block admits N more. */
  public static final int BLOCK_DAYS = 1096;
  /** The longest stay any kind of program allows (days), so a window knows which episodes can reach it. */
  static final int LONGEST_STAY_DAYS = 200;

  static final int MONDAY = 1, TUESDAY = 2, WEDNESDAY = 4, THURSDAY = 8, FRIDAY = 16, SATURDAY = 32;
  static final int WEEKDAYS = 31, EVERY_DAY = 127;
  static final int MON_WED_FRI = MONDAY | WEDNESDAY | FRIDAY, TUE_THU = TUESDAY | THURSDAY;

  /** A group service a program runs on its calendar: which weekdays (bit 0 = Monday), how long. */
  record GroupComponent(String component, String shortName, int minutes, int weekdays, List<String> activities)
      implements Serializable {}

  /** How long stays last and how they end. Early exits are dropped_out and terminated_by_facility. */
  record Outcomes(double completionRate, Triangle completedStay, Triangle earlyExitStay, Triangle otherExitStay,
      double attendanceRate) implements Serializable {}

  /**
   * What an episode of a kind is invited to. Every-N-days fields count from admission; 0 means never.
   * groupDaysPerWeek is how many of the program's group days a client is booked on.
   */
  record Schedule(boolean weekdaysOnly, Weights<Integer> groupDaysPerWeek, List<GroupComponent> groups,
      int individualEveryDays, int individualMinutes, double familyShare, int familyEveryDays,
      int medicationEveryDays, int labEveryDays, double telehealthShare) implements Serializable {}

  /** List prices in cents: per session by component, plus lab, room_and_board (per day) and intake. */
  record Prices(Map<String, Long> perSessionCents, long labCents, long roomAndBoardCentsPerDay) implements Serializable {
    long session(String component) {
      return perSessionCents.getOrDefault(component, 0L);
    }
  }

  /** One kind of program: its level_of_care code, share of admissions and how it runs. */
  record ProgramKind(String name, String levelOfCare, String prefix, double share, int clientsPerProgram,
      Outcomes outcomes, Schedule schedule, Prices prices) implements Serializable {}

  /** A source of payment: its share of episodes, its effect on the early-exit hazard, its rate of list price. */
  record Payer(String code, double share, double earlyExitFactor, double rateOfListPrice) implements Serializable {}

  private static final GroupComponent OP_GROUP = group("group_therapy", "gt", 90, WEEKDAYS,
      "process group", "relapse prevention", "coping skills");
  private static final GroupComponent HOLISTIC = group("holistic", "ho", 60, MON_WED_FRI,
      "yoga", "mindfulness", "art", "music");

  static final List<ProgramKind> KINDS = List.of(
      new ProgramKind("outpatient", "outpatient", "op", 0.48, 120,
          new Outcomes(0.36, new Triangle(42, 84, 180), new Triangle(10, 35, 110), new Triangle(14, 49, 140), 0.80),
          new Schedule(true, Weights.of(1, 0.85, 2, 0.15), List.of(OP_GROUP), 14, 50, 0.15, 28, 28, 28, 0.20),
          prices(Map.of("group_therapy", 6_500L, "individual_counseling", 11_000L, "family_therapy", 12_000L,
              "medication_management", 9_500L, "assessment", 20_000L), 3_000, 0)),
      new ProgramKind("intensive_outpatient", "intensive_outpatient", "iop", 0.12, 40,
          new Outcomes(0.38, new Triangle(42, 56, 84), new Triangle(7, 21, 56), new Triangle(7, 30, 70), 0.85),
          new Schedule(true, Weights.of(3, 0.45, 4, 0.35, 5, 0.20),
              List.of(group("group_therapy", "gt", 180, WEEKDAYS, "process group", "skills group", "relapse prevention"),
                  group("holistic", "ho", 90, WEDNESDAY, "yoga", "mindfulness", "art", "music"),
                  group("psychoeducation", "pe", 60, TUESDAY | THURSDAY, "relapse prevention", "family education",
                      "sleep, food and recovery", "\"HALT\" check-ins")), 7, 60, 0.35, 14, 14, 7, 0.10),
          prices(Map.of("group_therapy", 10_500L, "holistic", 4_500L, "psychoeducation", 3_500L,
              "individual_counseling", 12_000L, "family_therapy", 13_000L, "medication_management", 10_000L,
              "assessment", 22_000L), 3_000, 0)),
      new ProgramKind("partial_hospitalization", "partial_hospitalization", "php", 0.06, 30,
          new Outcomes(0.45, new Triangle(14, 21, 35), new Triangle(2, 8, 20), new Triangle(3, 12, 28), 0.87),
          new Schedule(true, Weights.of(5, 1.0),
              List.of(group("group_therapy", "gt", 180, WEEKDAYS, "process group", "skills group"),
                  group("psychoeducation", "pe", 60, WEEKDAYS, "relapse prevention", "coping skills"), HOLISTIC),
              7, 60, 0.30, 14, 7, 7, 0.05),
          prices(Map.of("group_therapy", 16_000L, "holistic", 4_000L, "psychoeducation", 4_000L,
              "individual_counseling", 13_000L, "family_therapy", 13_000L, "medication_management", 11_000L,
              "assessment", 30_000L), 3_000, 0)),
      new ProgramKind("residential_short_term", "residential", "rst", 0.11, 40,
          new Outcomes(0.62, new Triangle(21, 28, 35), new Triangle(1, 7, 25), new Triangle(2, 14, 30), 0.93),
          new Schedule(false, Weights.of(7, 1.0),
              List.of(group("group_therapy", "gt", 120, EVERY_DAY, "process group", "skills group"),
                  group("holistic", "ho", 90, SATURDAY, "yoga", "mindfulness", "art", "music")),
              7, 50, 0.30, 14, 7, 7, 0),
          prices(Map.of("group_therapy", 5_000L, "holistic", 3_500L, "psychoeducation", 3_500L,
              "individual_counseling", 11_000L, "family_therapy", 13_000L, "medication_management", 9_500L,
              "assessment", 35_000L), 4_000, 30_000)),
      new ProgramKind("residential_long_term", "residential", "rlt", 0.07, 50,
          new Outcomes(0.45, new Triangle(60, 90, 180), new Triangle(5, 25, 80), new Triangle(7, 40, 120), 0.92),
          new Schedule(false, Weights.of(7, 1.0),
              List.of(group("group_therapy", "gt", 120, MON_WED_FRI, "process group", "skills group"),
                  group("holistic", "ho", 90, SATURDAY, "art", "music", "yoga")),
              14, 50, 0.30, 28, 28, 14, 0),
          prices(Map.of("group_therapy", 5_000L, "holistic", 3_500L, "psychoeducation", 3_500L,
              "individual_counseling", 11_000L, "family_therapy", 13_000L, "medication_management", 9_500L,
              "assessment", 35_000L), 4_000, 22_000)),
      new ProgramKind("hospital_inpatient", "inpatient", "hsp", 0.04, 20,
          new Outcomes(0.69, new Triangle(5, 10, 21), new Triangle(0, 3, 8), new Triangle(1, 5, 14), 0.95),
          new Schedule(false, Weights.of(7, 1.0),
              List.of(group("group_therapy", "gt", 60, EVERY_DAY, "process group", "skills group")),
              3, 45, 0.10, 7, 2, 7, 0),
          prices(Map.of("group_therapy", 5_000L, "individual_counseling", 12_000L, "family_therapy", 13_000L,
              "medication_management", 15_000L, "assessment", 40_000L), 18_500, 95_000)),
      new ProgramKind("withdrawal_management", "inpatient", "wm", 0.12, 16,
          new Outcomes(0.66, new Triangle(3, 5, 7), new Triangle(0, 1, 4), new Triangle(1, 3, 6), 0.95),
          new Schedule(false, Weights.of(7, 1.0),
              List.of(group("psychoeducation", "pe", 60, EVERY_DAY, "what withdrawal is", "next steps in care")),
              0, 0, 0, 0, 1, 3, 0),
          prices(Map.of("psychoeducation", 3_500L, "medication_management", 12_000L, "assessment", 30_000L),
              9_000, 60_000)));

  static final Weights<String> KIND_NAMES = kindWeights();
  private static final Map<String, ProgramKind> KIND_BY_NAME =
      KINDS.stream().collect(java.util.stream.Collectors.toMap(ProgramKind::name, k -> k));

  /** Sources of payment, shares after N-SUMHSS facility payment data and TEDS; see docs/generator.md. */
  static final List<Payer> PAYERS = List.of(
      new Payer("medicaid", 0.35, 1.05, 0.72),
      new Payer("private_insurance", 0.25, 0.85, 1.00),
      new Payer("self_pay", 0.08, 1.35, 0.85),
      new Payer("other_government", 0.10, 1.05, 0.78),
      new Payer("medicare", 0.03, 0.90, 0.80),
      new Payer("sliding_scale", 0.05, 1.25, 0.55),
      new Payer("financing", 0.02, 1.15, 1.00),
      new Payer("employee_assistance", 0.03, 0.80, 0.95),
      new Payer("grant_scholarship", 0.04, 1.00, 0.90),
      new Payer("no_charge", 0.03, 1.10, 1.00),
      new Payer("other", 0.02, 1.00, 1.00));

  static final Weights<String> PAYER_CODES = payerCodes();

  /** Early exits (dropped out, terminated) among stays not completed; the rest end as OTHER_EXITS. */
  static final double EARLY_EXIT_SHARE = 0.62;
  /** How the other non-completed stays end (TEDS-D shares among discharges not completed). */
  static final Weights<String> OTHER_EXITS = Weights.of("transferred", 0.22, "incarcerated", 0.05,
      "death", 0.01, "other", 0.10);
  static final double TERMINATED_SHARE_OF_EARLY_EXITS = 0.18;
  /** Early-exit hazard multipliers by what the episode is exposed to. */
  static final double FAMILY_EXIT_FACTOR = 0.70, HOLISTIC_EXIT_FACTOR = 0.90;
  static final double HOLISTIC_PARTICIPATION = 0.85;
  /** In its last two weeks an early exit attends this share of what it did before. */
  static final double EARLY_EXIT_FADE = 0.55;

  static final Weights<String> AGE_GROUPS = Weights.of("12-17", 3, "18-24", 10, "25-34", 31, "35-44", 28,
      "45-54", 15, "55-64", 10, "65+", 3);
  static final Weights<String> SEXES = Weights.of("male", 63.5, "female", 35.5, "other", 0.5, "unknown", 0.5);
  static final Weights<String> SUBSTANCES = Weights.of("alcohol", 30, "opioids", 33, "stimulants", 20,
      "cannabis", 10, "sedatives", 2, "other", 3, "unknown", 2);
  static final Map<String, Double> MEDICATION_SHARE_BY_SUBSTANCE = Map.of("opioids", 0.60, "sedatives", 0.40,
      "alcohol", 0.20);
  static final double MEDICATION_SHARE_OTHERWISE = 0.05;
  static final double CO_OCCURRING_TRUE = 0.45, CO_OCCURRING_UNKNOWN = 0.10;
  static final Weights<Integer> PRIOR_EPISODES = Weights.of(0, 35, 1, 22, 2, 14, 3, 9, 4, 6, 5, 3, 6, 2, 8, 1, -1, 8);
  /** Episodes whose person had an earlier episode (the same pseudonymous token). */
  static final double READMISSION_SHARE = 0.12;
  /** Fields sent empty although the contract allows a value (sex, substance). */
  static final double EMPTY_OPTIONAL_SHARE = 0.01;

  /** Intake assessment on the day of admission (minutes), and the monthly medication supply (cents). */
  static final int INTAKE_MINUTES = 90;
  static final int MEDICATION_MANAGEMENT_MINUTES = 30;
  static final long MEDICATION_SUPPLY_CENTS = 15_000;
  static final double PROGRAM_CANCELS_SESSION = 0.015;
  static final double LATE_CANCEL_SHARE_OF_MISSES = 0.30;
  static final double LATE_ARRIVAL = 0.12;
  static final double HOLISTIC_PAID_BY_GRANT = 0.10;
  static final List<String> NO_SHOW_FEE_PAYERS = List.of("self_pay", "sliding_scale", "financing");
  static final double NO_SHOW_FEE_CHARGED = 0.50;
  static final long NO_SHOW_FEE_CENTS = 2_500;
  /** Discharged episodes that get a write-off of part of their therapy charges. */
  static final double ADJUSTED_EPISODES = 0.06;
  static final double ADJUSTMENT_LOW = 0.10, ADJUSTMENT_HIGH = 0.30;
  /** Clients of one group session at most, when sizing a program's parallel groups. */
  static final int GROUP_SIZE = 10;

  private WorldParameters() {}

  static ProgramKind kind(String name) {
    ProgramKind kind = KIND_BY_NAME.get(name);
    if (kind == null) {
      throw new IllegalArgumentException("no program kind " + name);
    }
    return kind;
  }

  static Payer payer(String code) {
    return PAYERS.stream().filter(p -> p.code().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no payer " + code));
  }

  private static Weights<String> payerCodes() {
    Object[] pairs = new Object[PAYERS.size() * 2];
    for (int i = 0; i < PAYERS.size(); i++) {
      pairs[2 * i] = PAYERS.get(i).code();
      pairs[2 * i + 1] = PAYERS.get(i).share();
    }
    return Weights.of(pairs);
  }

  /** The mean early-exit factor of payers, so that factors move rates around the target, not the target. */
  static double meanPayerExitFactor() {
    return PAYERS.stream().mapToDouble(p -> p.share() * p.earlyExitFactor()).sum()
        / PAYERS.stream().mapToDouble(Payer::share).sum();
  }

  private static Weights<String> kindWeights() {
    Object[] pairs = new Object[KINDS.size() * 2];
    for (int i = 0; i < KINDS.size(); i++) {
      pairs[2 * i] = KINDS.get(i).name();
      pairs[2 * i + 1] = KINDS.get(i).share();
    }
    return Weights.of(pairs);
  }

  private static GroupComponent group(String component, String shortName, int minutes, int weekdays,
      String... activities) {
    return new GroupComponent(component, shortName, minutes, weekdays, List.of(activities));
  }

  private static Prices prices(Map<String, Long> perSession, long labCents, long roomAndBoardPerDay) {
    return new Prices(perSession, labCents, roomAndBoardPerDay);
  }
}
