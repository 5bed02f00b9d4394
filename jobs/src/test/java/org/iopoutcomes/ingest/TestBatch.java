package org.iopoutcomes.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iopoutcomes.SparkTestSession;

/** A batch folder written by a test, file by file. */
final class TestBatch {

  static final String EPISODES_HEADER = "episode_id,person_id,program_id,level_of_care,admission_date,discharge_date,"
      + "discharge_reason,payment_source,age_group,sex,primary_substance,co_occurring_mental_health,"
      + "prior_treatment_episodes";
  static final String SESSIONS_HEADER =
      "session_id,program_id,program_component,activity,session_date,scheduled_minutes,delivery_mode";
  static final String ATTENDANCE_HEADER = "session_id,episode_id,status,minutes_attended";
  static final String COSTS_HEADER = "cost_id,episode_id,session_id,service_date,cost_category,amount,payer";

  final Path folder;

  TestBatch(String name) {
    folder = SparkTestSession.tempDir(name);
  }

  TestBatch file(String name, String... lines) {
    return bytes(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  TestBatch bytes(String name, byte[] content) {
    try {
      Path file = folder.resolve(name);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String path() {
    return folder.toString();
  }
}
