package org.iopoutcomes.national;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TEDS-D mapping of {@code schemas/teds/teds_d.json}, read with Jackson: which columns of the
 * public-use file are read, which value means missing, and how every code maps onto our codes. No
 * code list lives in Java; this class only makes the file easy to use.
 */
public final class TedsCodes {

  /** Our field names, as {@code teds_d.json} names them (the columns of a staged discharge). */
  public static final String DISCHARGE_YEAR = "discharge_year";
  public static final String LEVEL_OF_CARE = "level_of_care";
  public static final String DISCHARGE_REASON = "discharge_reason";
  public static final String PAYMENT_SOURCE = "payment_source";
  public static final String LENGTH_OF_STAY = "length_of_stay";

  private static final String RESOURCE = "schemas/teds/teds_d.json";
  private static volatile TedsCodes loaded;

  /**
   * One column of the TEDS-D file.
   *
   * @param kind {@code code} (mapped through {@code codes}), {@code year}, {@code days} (LOS), or
   *     null for a column kept as it is
   * @param codes for a code column: TEDS-D code → our code (as text)
   */
  public record FileColumn(String column, String field, boolean required, String kind, String codeList,
      Map<String, String> codes) {}

  /** A LOS code as a range of days; {@code maxDays} is null for the open-ended last bin. */
  public record DayRange(int minDays, Integer maxDays) {}

  private final JsonNode json;
  private final Map<String, FileColumn> byField = new LinkedHashMap<>();
  private final Map<String, DayRange> losCodes = new LinkedHashMap<>();

  private TedsCodes(JsonNode json) {
    this.json = json;
    json.get("columns").forEach(c -> {
      FileColumn column = column(c);
      byField.put(column.field(), column);
      if ("days".equals(column.kind())) {
        readDayRanges(c);
      }
    });
  }

  /** The mapping bundled with the jobs (read once). */
  public static TedsCodes load() {
    if (loaded == null) {
      synchronized (TedsCodes.class) {
        if (loaded == null) {
          loaded = new TedsCodes(read());
        }
      }
    }
    return loaded;
  }

  /** The value of the {@code source} column: TEDS-D. */
  public String source() {
    return json.get("source").asText();
  }

  /** Values that mean missing (an empty field is missing too). */
  public List<String> missingCodes() {
    return strings(json.get("missing_codes"));
  }

  /** Discharge years before this one belong to the older file, whose codes differ. */
  public int firstSupportedDischargeYear() {
    return json.get("first_supported_discharge_year").asInt();
  }

  /** Columns whose presence marks the 2006–2014 file. */
  public List<String> olderFileColumns() {
    return strings(json.get("older_file").get("columns"));
  }

  public List<FileColumn> columns() {
    return List.copyOf(byField.values());
  }

  /** The column that carries one of our fields ({@link #LEVEL_OF_CARE}, ...). */
  public FileColumn column(String field) {
    FileColumn column = byField.get(field);
    if (column == null) {
      throw new IllegalArgumentException("teds_d.json maps no column onto " + field);
    }
    return column;
  }

  /** LOS code → the range of days it stands for, for day codes and bins alike. */
  public Map<String, DayRange> losCodes() {
    return losCodes;
  }

  private void readDayRanges(JsonNode column) {
    JsonNode days = column.get("day_codes");
    for (int day = days.get("from").asInt(); day <= days.get("to").asInt(); day++) {
      losCodes.put(String.valueOf(day), new DayRange(day, day));
    }
    column.get("bins").fields().forEachRemaining(bin -> {
      JsonNode max = bin.getValue().get("max_days");
      losCodes.put(bin.getKey(), new DayRange(bin.getValue().get("min_days").asInt(),
          max == null || max.isNull() ? null : max.asInt()));
    });
  }

  private static FileColumn column(JsonNode c) {
    Map<String, String> codes = new LinkedHashMap<>();
    if (c.has("codes")) {
      c.get("codes").fields().forEachRemaining(code -> codes.put(code.getKey(), code.getValue().get("maps_to").asText()));
    }
    return new FileColumn(c.get("column").asText(), c.get("field").asText(), c.path("required").asBoolean(false),
        c.hasNonNull("kind") ? c.get("kind").asText() : null,
        c.hasNonNull("code_list") ? c.get("code_list").asText() : null, Collections.unmodifiableMap(codes));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return List.copyOf(values);
  }

  private static JsonNode read() {
    try (InputStream in = TedsCodes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema file missing from the classpath: " + RESOURCE);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema file " + RESOURCE, e);
    }
  }
}
