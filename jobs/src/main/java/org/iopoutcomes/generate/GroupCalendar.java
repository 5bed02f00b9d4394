package org.iopoutcomes.generate;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.iopoutcomes.generate.ProgramCatalog.Program;
import org.iopoutcomes.generate.WorldParameters.GroupComponent;
import org.iopoutcomes.generate.WorldParameters.ProgramKind;

/**
 * The group sessions programs run: on each day, for each group component the program's kind runs
 * that weekday, one session per slot. A session's id and attributes are a function of (program,
 * component, day, slot) and the seed, so the calendar (which writes the sessions) and every
 * episode invited to one (which writes attendance) agree without talking to each other.
 */
final class GroupCalendar implements Serializable {

  private static final long GROUP_SESSION_STREAM = 2;

  /** One group session; {@code cancelled} means the program called it off, so invitations say cancelled. */
  record GroupSession(String sessionId, String programId, String component, String activity, int day, int minutes,
      String deliveryMode, boolean cancelled) implements Serializable {}

  private final long seed;

  GroupCalendar(long seed) {
    this.seed = seed;
  }

  /** Monday = 0 ... Sunday = 6 (epoch day 0, 1970-01-01, was a Thursday). */
  static int weekday(int epochDay) {
    return Math.floorMod(epochDay + 3, 7);
  }

  static boolean runsOn(int weekdayMask, int epochDay) {
    return (weekdayMask & (1 << weekday(epochDay))) != 0;
  }

  /** Every group session of a program on a day. */
  List<GroupSession> sessionsOn(Program program, int day) {
    List<GroupComponent> groups = kindOf(program).schedule().groups();
    List<GroupSession> sessions = new ArrayList<>();
    for (int component = 0; component < groups.size(); component++) {
      if (runsOn(groups.get(component).weekdays(), day)) {
        for (int slot = 0; slot < program.slots(); slot++) {
          sessions.add(session(program, component, day, slot));
        }
      }
    }
    return sessions;
  }

  /** The session of one slot of one group component on one day (whether or not it runs that weekday). */
  GroupSession session(Program program, int componentIndex, int day, int slot) {
    ProgramKind kind = kindOf(program);
    GroupComponent group = kind.schedule().groups().get(componentIndex);
    SplittableRandom random = Draws.stream(seed, GROUP_SESSION_STREAM, program.index(), componentIndex, day, slot);
    String mode = random.nextDouble() < kind.schedule().telehealthShare() ? "telehealth" : "in_person";
    boolean cancelled = random.nextDouble() < WorldParameters.PROGRAM_CANCELS_SESSION;
    String activity = group.activities().get(Math.floorMod(day / 7 + slot, group.activities().size()));
    String id = "gs-" + program.id() + "-" + group.shortName() + "-" + compactDate(day) + "-s" + slot;
    return new GroupSession(id, program.id(), group.component(), activity, day, group.minutes(), mode, cancelled);
  }

  static ProgramKind kindOf(Program program) {
    return WorldParameters.kind(program.kind());
  }

  /** yyyyMMdd: digits that no identifier pattern mistakes for a phone or social security number. */
  static String compactDate(int epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    return String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }
}
