package org.iopoutcomes.generate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.generate.CareEvents.Charge;
import org.iopoutcomes.generate.CareEvents.Invitation;
import org.iopoutcomes.generate.CareEvents.OwnSession;
import org.iopoutcomes.generate.GroupCalendar.GroupSession;

/**
 * How an episode's profile and events become rows of the contract's entities, values in the
 * contract's column order (dates as epoch days). {@link #checkColumnOrder} fails fast when the
 * contract's columns and the order these rows are built in part ways.
 */
final class EntityRows {

  private static final Map<String, List<String>> COLUMN_ORDER = Map.of(
      "episodes", List.of("episode_id", "person_id", "program_id", "level_of_care", "admission_date",
          "discharge_date", "discharge_reason", "payment_source", "age_group", "sex", "primary_substance",
          "co_occurring_mental_health", "prior_treatment_episodes"),
      "sessions", List.of("session_id", "program_id", "program_component", "activity", "session_date",
          "scheduled_minutes", "delivery_mode"),
      "attendance", List.of("session_id", "episode_id", "status", "minutes_attended"),
      "costs", List.of("cost_id", "episode_id", "session_id", "service_date", "cost_category", "amount", "payer"));

  private EntityRows() {}

  static void checkColumnOrder(Contract contract) {
    for (String entity : contract.entityOrder()) {
      List<String> columns = contract.entity(entity).columnNames();
      if (!columns.equals(COLUMN_ORDER.get(entity))) {
        throw new IllegalStateException("the generator builds " + entity + " rows as " + COLUMN_ORDER.get(entity)
            + " but the contract's columns are " + columns);
      }
    }
  }

  /** The episode row the window reports, if any; the discharge only once it has happened. */
  static void episodes(EpisodeProfile e, WorldBatch.CareEventsSupplier events, KnownWindow window, List<Row> rows) {
    if (!window.reportsEpisode(e)) {
      return;
    }
    boolean discharged = e.dischargeDay() <= window.throughDay();
    rows.add(RowFactory.create(e.episodeId(), e.personId(), e.program().id(), e.kind().levelOfCare(),
        e.admissionDay(), discharged ? e.dischargeDay() : null, discharged ? e.reason() : null, e.payment(),
        e.ageGroup(), e.sex(), e.substance(), e.coOccurring(), e.priorEpisodes()));
  }

  static void ownSessions(EpisodeProfile e, WorldBatch.CareEventsSupplier events, KnownWindow window, List<Row> rows) {
    for (OwnSession session : events.get().ownSessions) {
      if (window.contains(session.day())) {
        rows.add(RowFactory.create(session.sessionId(), e.program().id(), session.component(), session.activity(),
            session.day(), session.minutes(), session.deliveryMode()));
      }
    }
  }

  static void attendance(EpisodeProfile e, WorldBatch.CareEventsSupplier events, KnownWindow window, List<Row> rows) {
    for (Invitation invitation : events.get().invitations) {
      if (window.contains(invitation.day())) {
        rows.add(RowFactory.create(invitation.sessionId(), e.episodeId(), invitation.status(),
            invitation.minutesAttended()));
      }
    }
  }

  static void costs(EpisodeProfile e, WorldBatch.CareEventsSupplier events, KnownWindow window, List<Row> rows) {
    for (Charge charge : events.get().charges) {
      if (window.contains(charge.day())) {
        rows.add(RowFactory.create(charge.costId(), e.episodeId(), charge.sessionId(), charge.day(), charge.category(),
            BigDecimal.valueOf(charge.cents(), 2), charge.payer()));
      }
    }
  }

  static Row groupSession(GroupSession session) {
    return RowFactory.create(session.sessionId(), session.programId(), session.component(), session.activity(),
        session.day(), session.minutes(), session.deliveryMode());
  }
}
