package org.iopoutcomes.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contract and table schemas, read from the {@code schemas/} folder that travels inside the jar.
 * Everything the code knows about column names, types and codes comes from here.
 */
public final class Contract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile Contract loaded;

  private final List<String> entityOrder;
  private final List<String> goldTableNames;
  private final List<String> nationalTableNames;
  private final Map<String, EntitySchema> entities = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> codeLists = new LinkedHashMap<>();
  private final Map<String, String> codeListDescriptions = new LinkedHashMap<>();
  private final Map<String, TableSchema> tables = new LinkedHashMap<>();
  private final Map<Pattern, String> identifierPatterns = new LinkedHashMap<>();
  private final Map<String, String> identifierValuePatterns = new LinkedHashMap<>();
  private final Map<String, List<String>> identifierValuePrefilters = new LinkedHashMap<>();

  private Contract() {
    JsonNode manifest = read("manifest.json");
    entityOrder = strings(manifest.get("entities"));
    goldTableNames = strings(manifest.get("gold_tables"));
    for (String entity : entityOrder) {
      entities.put(entity, JSON.convertValue(read("input/" + entity + ".json"), EntitySchema.class));
    }
    for (String table : goldTableNames) {
      tables.put(table, JSON.convertValue(read("gold/" + table + ".json"), TableSchema.class));
    }
    for (String table : strings(manifest.get("lake_tables"))) {
      tables.put(table, JSON.convertValue(read("lake/" + table + ".json"), TableSchema.class));
    }
    nationalTableNames = strings(manifest.get("national_tables"));
    for (String table : nationalTableNames) {
      tables.put(table, JSON.convertValue(read("national/" + table + ".json"), TableSchema.class));
    }
    read("codes.json").get("code_lists").fields().forEachRemaining(list -> {
      Map<String, String> codes = new LinkedHashMap<>();
      list.getValue().get("codes").fields().forEachRemaining(c -> codes.put(c.getKey(), c.getValue().asText()));
      codeLists.put(list.getKey(), codes);
      codeListDescriptions.put(list.getKey(), list.getValue().get("description").asText());
    });
    JsonNode identifiers = read("identifiers.json");
    identifiers.get("column_name_patterns").forEach(p ->
        identifierPatterns.put(Pattern.compile(p.get("pattern").asText()), p.get("identifier").asText()));
    identifiers.get("value_patterns").forEach(p -> {
      identifierValuePatterns.put(p.get("pattern").asText(), p.get("identifier").asText());
      identifierValuePrefilters.put(p.get("pattern").asText(),
          p.has("only_if_contains") ? strings(p.get("only_if_contains")) : List.of());
    });
  }

  /** The contract bundled with the jobs (read once). */
  public static Contract load() {
    if (loaded == null) {
      synchronized (Contract.class) {
        if (loaded == null) {
          loaded = new Contract();
        }
      }
    }
    return loaded;
  }

  /** Input entities in the order a batch is ingested (referenced entities first). */
  public List<String> entityOrder() {
    return entityOrder;
  }

  public EntitySchema entity(String name) {
    EntitySchema schema = entities.get(name);
    if (schema == null) {
      throw new IllegalArgumentException("no input entity named " + name);
    }
    return schema;
  }

  public boolean isEntity(String name) {
    return entities.containsKey(name);
  }

  public List<String> goldTableNames() {
    return goldTableNames;
  }

  /** Tables of national reference data (import-teds), written beside the gold tables. */
  public List<String> nationalTableNames() {
    return nationalTableNames;
  }

  public TableSchema table(String name) {
    TableSchema schema = tables.get(name);
    if (schema == null) {
      throw new IllegalArgumentException("no table named " + name);
    }
    return schema;
  }

  /** The codes of a code list, in the order the schema file gives them. */
  public List<String> codes(String codeList) {
    Map<String, String> codes = codeLists.get(codeList);
    if (codes == null) {
      throw new IllegalArgumentException("no code list named " + codeList);
    }
    return List.copyOf(codes.keySet());
  }

  public Map<String, String> codeMeanings(String codeList) {
    return codeLists.get(codeList);
  }

  public String codeListDescription(String codeList) {
    return codeListDescriptions.get(codeList);
  }

  public Set<String> codeListNames() {
    return new LinkedHashSet<>(codeLists.keySet());
  }

  /** What kind of direct identifier a column name looks like, or null if it looks like none. */
  public String identifierKind(String columnName) {
    String normalized = columnName.trim().toLowerCase().replaceAll("[\\s-]+", "_");
    for (Map.Entry<Pattern, String> pattern : identifierPatterns.entrySet()) {
      if (pattern.getKey().matcher(normalized).matches()) {
        return pattern.getValue();
      }
    }
    return null;
  }

  /** Regular expressions (as text) of values that look like direct identifiers, with what they are. */
  public Map<String, String> identifierValuePatterns() {
    return identifierValuePatterns;
  }

  /**
   * Per value pattern, strings one of which a value must contain (case-insensitively) for the
   * pattern to be searched for in it; empty: searched for in every value.
   */
  public Map<String, List<String>> identifierValuePrefilters() {
    return identifierValuePrefilters;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return List.copyOf(values);
  }

  private static JsonNode read(String path) {
    String resource = "schemas/" + path;
    try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema file missing from the classpath: " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema file " + resource, e);
    }
  }
}
