package org.iopoutcomes.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.iopoutcomes.generate.GroupCalendar.GroupSession;
import org.iopoutcomes.generate.WorldParameters.GroupComponent;
import org.iopoutcomes.generate.WorldParameters.Schedule;

/**
 * Everything that happens in one episode's stay, day by day from admission to the real discharge:
 * invitations to the program's group sessions and to the episode's own sessions (intake,
 * individual, family, medication management), and every charge. Drawn from the episode's own
 * stream in a fixed order, so the same episode always has the same events; a batch keeps those
 * dated inside its window.
 */
final class CareEvents {

  private static final long EVENT_STREAM = 4;

  /** A session that belongs to this episode alone. */
  record OwnSession(String sessionId, String component, String activity, int day, int minutes, String deliveryMode) {}

  /** One attendance row; {@code minutesAttended} is null unless attended. */
  record Invitation(String sessionId, int day, String status, Integer minutesAttended) {}

  /** One cost row; {@code sessionId} is null for an episode-level charge. */
  record Charge(String costId, String sessionId, int day, String category, long cents, String payer) {}

  final List<OwnSession> ownSessions = new ArrayList<>();
  final List<Invitation> invitations = new ArrayList<>();
  final List<Charge> charges = new ArrayList<>();

  private final EpisodeProfile episode;
  private final GroupCalendar calendar;
  private final SplittableRandom random;
  private final double payerRate;
  private long therapyCents;
  private int chargedThroughDay;

  private CareEvents(EpisodeProfile episode, GroupCalendar calendar, long seed) {
    this.episode = episode;
    this.calendar = calendar;
    this.random = Draws.stream(seed, EVENT_STREAM, episode.index());
    this.payerRate = WorldParameters.payer(episode.payment()).rateOfListPrice();
    this.chargedThroughDay = episode.admissionDay() - 1;
  }

  static CareEvents of(EpisodeProfile episode, GroupCalendar calendar, long seed) {
    CareEvents events = new CareEvents(episode, calendar, seed);
    for (int day = episode.admissionDay(); day <= episode.dischargeDay(); day++) {
      events.liveDay(day);
    }
    events.closeStay();
    return events;
  }

  private void liveDay(int day) {
    int sinceAdmission = day - episode.admissionDay();
    Schedule schedule = episode.kind().schedule();
    if (sinceAdmission == 0) {
      ownSession(day, "assessment", "intake assessment", WorldParameters.INTAKE_MINUTES);
    }
    groupSessions(day);
    // The first individual session comes one period after intake.
    if (every(schedule.individualEveryDays(), sinceAdmission, schedule.individualEveryDays())) {
      ownSession(day, "individual_counseling", null, schedule.individualMinutes());
    }
    if (episode.family() && every(schedule.familyEveryDays(), sinceAdmission, schedule.familyEveryDays() / 2)) {
      ownSession(day, "family_therapy", null, 60);
    }
    if (episode.onMedication() && every(schedule.medicationEveryDays(), sinceAdmission, 0)) {
      ownSession(day, "medication_management", null, WorldParameters.MEDICATION_MANAGEMENT_MINUTES);
    }
    if (episode.onMedication() && sinceAdmission % 28 == 0) {
      charge(null, day, "medication", WorldParameters.MEDICATION_SUPPLY_CENTS, episode.payment());
    }
    if (every(schedule.labEveryDays(), sinceAdmission, 0)) {
      charge(null, day, "lab", episode.kind().prices().labCents(), episode.payment());
    }
    if (sinceAdmission % 7 == 6) {
      chargeRoomAndBoard(day);
    }
  }

  /** Room and board is billed weekly in arrears, and for the last days on the day of discharge. */
  private void closeStay() {
    int discharge = episode.dischargeDay();
    chargeRoomAndBoard(discharge);
    if (random.nextDouble() < WorldParameters.ADJUSTED_EPISODES && therapyCents > 0) {
      double share = WorldParameters.ADJUSTMENT_LOW
          + random.nextDouble() * (WorldParameters.ADJUSTMENT_HIGH - WorldParameters.ADJUSTMENT_LOW);
      long writeOff = Math.max(1, Math.round(therapyCents * share));
      charges.add(new Charge(nextCostId(), null, discharge, "adjustment", -writeOff, episode.payment()));
    }
  }

  private void groupSessions(int day) {
    List<GroupComponent> groups = episode.kind().schedule().groups();
    if (!GroupCalendar.runsOn(episode.groupWeekdays(), day)) {
      return;
    }
    for (int component = 0; component < groups.size(); component++) {
      GroupComponent group = groups.get(component);
      boolean invited = GroupCalendar.runsOn(group.weekdays(), day)
          && (!group.component().equals("holistic") || episode.holistic());
      if (invited) {
        GroupSession session = calendar.session(episode.program(), component, day, episode.slot());
        String payer = group.component().equals("holistic") && episode.holisticByGrant()
            ? "grant_scholarship" : episode.payment();
        invite(session.sessionId(), group.component(), day, session.minutes(), session.cancelled(), payer);
      }
    }
  }

  private void ownSession(int day, String component, String activity, int minutes) {
    String sessionId = "is-" + episode.episodeId() + "-" + (ownSessions.size() + 1);
    String mode = random.nextDouble() < episode.kind().schedule().telehealthShare() ? "telehealth" : "in_person";
    ownSessions.add(new OwnSession(sessionId, component, activity, day, minutes, mode));
    boolean cancelled = random.nextDouble() < WorldParameters.PROGRAM_CANCELS_SESSION;
    invite(sessionId, component, day, minutes, cancelled, episode.payment());
  }

  /** One invitation and what it is charged: attended sessions always, some no-shows a fee. */
  private void invite(String sessionId, String component, int day, int minutes, boolean cancelled, String payer) {
    if (cancelled) {
      invitations.add(new Invitation(sessionId, day, "cancelled", null));
      return;
    }
    boolean fading = episode.earlyExit() && episode.dischargeDay() - day < 14;
    double attendance = episode.attendanceRate() * (fading ? WorldParameters.EARLY_EXIT_FADE : 1);
    if (random.nextDouble() < attendance) {
      int late = random.nextDouble() < WorldParameters.LATE_ARRIVAL ? 5 + random.nextInt(Math.max(1, minutes / 4)) : 0;
      invitations.add(new Invitation(sessionId, day, "attended", Math.max(1, minutes - late)));
      long cents = episode.kind().prices().session(component);
      String category = switch (component) {
        case "medication_management" -> "medication";
        case "assessment" -> "assessment";
        default -> "therapy";
      };
      charge(sessionId, day, category, cents, payer);
      return;
    }
    boolean lateCancel = random.nextDouble() < WorldParameters.LATE_CANCEL_SHARE_OF_MISSES;
    invitations.add(new Invitation(sessionId, day, lateCancel ? "late_cancel" : "no_show", null));
    if (!lateCancel && WorldParameters.NO_SHOW_FEE_PAYERS.contains(episode.payment())
        && random.nextDouble() < WorldParameters.NO_SHOW_FEE_CHARGED) {
      charges.add(new Charge(nextCostId(), sessionId, day, "other", WorldParameters.NO_SHOW_FEE_CENTS, "self_pay"));
    }
  }

  private void chargeRoomAndBoard(int day) {
    long perDay = episode.kind().prices().roomAndBoardCentsPerDay();
    int days = day - chargedThroughDay;
    if (perDay > 0 && days > 0) {
      charge(null, day, "room_and_board", perDay * days, episode.payment());
    }
    chargedThroughDay = day;
  }

  /** A charge at list price times the payer's rate (a grant pays its own rate). */
  private void charge(String sessionId, int day, String category, long listCents, String payer) {
    if (listCents <= 0) {
      return;
    }
    double rate = payer.equals(episode.payment()) ? payerRate : WorldParameters.payer(payer).rateOfListPrice();
    long cents = Math.round(listCents * rate);
    if (category.equals("therapy")) {
      therapyCents += cents;
    }
    charges.add(new Charge(nextCostId(), sessionId, day, category, cents, payer));
  }

  private String nextCostId() {
    return "c-" + episode.episodeId() + "-" + (charges.size() + 1);
  }

  private static boolean every(int periodDays, int sinceAdmission, int offset) {
    return periodDays > 0 && sinceAdmission >= offset && (sinceAdmission - offset) % periodDays == 0;
  }
}
