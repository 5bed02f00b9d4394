package org.iopoutcomes.generate;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The days a batch reports: after {@code afterDay} (exclusive; null for a first batch, which
 * reports everything from the world's start) through {@code throughDay}. Days are epoch days.
 */
public record KnownWindow(Integer afterDay, int throughDay) implements Serializable {

  public KnownWindow {
    if (afterDay != null && afterDay >= throughDay) {
      throw new IllegalArgumentException("a window must hold at least one day");
    }
  }

  /** Everything known through a day. */
  public static KnownWindow through(LocalDate last) {
    return new KnownWindow(null, (int) last.toEpochDay());
  }

  /** The {@code days} days after {@code last}. */
  public static KnownWindow after(LocalDate last, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("--days must be at least 1, got " + days);
    }
    return new KnownWindow((int) last.toEpochDay(), (int) last.toEpochDay() + days);
  }

  public boolean contains(int day) {
    return (afterDay == null || day > afterDay) && day <= throughDay;
  }

  /** The first day reported: the day after the window opens, or the world's first day. */
  public int firstDay() {
    return afterDay == null ? World.firstDay() : Math.max(World.firstDay(), afterDay + 1);
  }

  public LocalDate first() {
    return LocalDate.ofEpochDay(firstDay());
  }

  public LocalDate last() {
    return LocalDate.ofEpochDay(throughDay);
  }

  /**
   * The episode row a batch reports, if any: a newly admitted episode (its discharge shown when it
   * happened by the last day), or an earlier episode whose discharge falls in the window (re-sent
   * with the discharge, replacing the row the lake holds).
   */
  boolean reportsEpisode(EpisodeProfile episode) {
    return contains(episode.admissionDay()) || (episode.admissionDay() <= throughDay && contains(episode.dischargeDay()));
  }

  /** Whether anything of the episode's stay can fall in the window. */
  boolean overlaps(EpisodeProfile episode) {
    return episode.admissionDay() <= throughDay && (afterDay == null || episode.dischargeDay() > afterDay);
  }
}
