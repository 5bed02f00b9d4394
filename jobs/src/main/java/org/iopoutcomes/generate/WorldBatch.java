package org.iopoutcomes.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.iopoutcomes.contract.ColumnSpec;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.EntitySchema;
import org.iopoutcomes.generate.GroupCalendar.GroupSession;

/**
 * The four entities of one batch, the world as known in a window, as Datasets computed by the
 * executors: each task draws the episodes of its slice of {@code spark.range} from their own
 * streams, and the group sessions from the program calendar. Nothing grows on the driver.
 * Columns and types come from the contract; values are built in the contract's column order
 * (checked when the batch is made), dates travel as epoch days and become dates at the end.
 */
public final class WorldBatch {

  /** Episodes a task handles at most, so that a big world writes part files of reasonable size. */
  private static final long EPISODES_PER_PARTITION = 50_000;
  private static final long DAYS_AFTER_WINDOW_OF_ACTIVITY = 60;

  private final SparkSession spark;
  private final Contract contract;
  private final World world;
  private final KnownWindow window;
  private final ProgramCatalog catalog;

  public WorldBatch(SparkSession spark, World world, KnownWindow window) {
    this.spark = spark;
    this.contract = Contract.load();
    this.world = world;
    this.window = window;
    this.catalog = world.catalog();
    EntityRows.checkColumnOrder(contract);
  }

  /** The rows of one entity of the contract, typed as the contract says. */
  public Dataset<Row> entity(String entity) {
    Dataset<Row> wire = switch (entity) {
      case "episodes" -> fromEpisodes(entity, EntityRows::episodes);
      case "sessions" -> fromEpisodes(entity, EntityRows::ownSessions).union(groupSessions());
      case "attendance" -> fromEpisodes(entity, EntityRows::attendance);
      case "costs" -> fromEpisodes(entity, EntityRows::costs);
      default -> throw new IllegalArgumentException("no input entity named " + entity);
    };
    return typed(wire, contract.entity(entity));
  }

  /** Rows an episode contributes to one entity in a window; {@code events} is null when it needs none. */
  @FunctionalInterface
  interface EpisodeRows extends java.io.Serializable {
    void add(EpisodeProfile episode, CareEventsSupplier events, KnownWindow window, List<Row> rows);
  }

  /** The episode's events, drawn only when an entity asks for them. */
  @FunctionalInterface
  interface CareEventsSupplier {
    CareEvents get();
  }

  private Dataset<Row> fromEpisodes(String entity, EpisodeRows rowsOf) {
    long from = window.afterDay() == null ? 0
        : world.firstIndexAdmittedFrom(window.afterDay() + 1 - WorldParameters.LONGEST_STAY_DAYS);
    long to = world.endIndexAdmittedThrough(window.throughDay());
    World world = this.world;
    KnownWindow window = this.window;
    ProgramCatalog catalog = this.catalog;
    GroupCalendar calendar = new GroupCalendar(world.seed());
    FlatMapFunction<Long, Row> rows = index -> {
      EpisodeProfile episode = EpisodeProfile.draw(world, catalog, index);
      if (!window.overlaps(episode)) {
        return java.util.Collections.emptyIterator();
      }
      List<Row> out = new ArrayList<>();
      rowsOf.add(episode, () -> CareEvents.of(episode, calendar, world.seed()), window, out);
      return out.iterator();
    };
    return spark.range(from, Math.max(from, to), 1, partitions())
        .flatMap(rows, Encoders.row(wireSchema(contract.entity(entity))));
  }

  /** The program calendar's group sessions on the window's days, one task slice of (program, day) each. */
  private Dataset<Row> groupSessions() {
    int firstDay = window.firstDay();
    int days = window.throughDay() - firstDay + 1;
    ProgramCatalog catalog = this.catalog;
    GroupCalendar calendar = new GroupCalendar(world.seed());
    FlatMapFunction<Long, Row> rows = programDay -> {
      int day = firstDay + (int) (programDay % Math.max(1, days));
      List<GroupSession> sessions = calendar.sessionsOn(catalog.program((int) (programDay / Math.max(1, days))), day);
      return sessions.stream().map(EntityRows::groupSession).iterator();
    };
    long programDays = days <= 0 ? 0 : (long) catalog.size() * days;
    return spark.range(0, programDays, 1, Math.max(1, partitions() / 4))
        .flatMap(rows, Encoders.row(wireSchema(contract.entity("sessions"))));
  }

  /** About {@link #EPISODES_PER_PARTITION} active episodes a task. */
  private int partitions() {
    long windowDays = window.throughDay() - window.firstDay() + 1 + DAYS_AFTER_WINDOW_OF_ACTIVITY;
    double active = (double) world.episodesPerBlock() * windowDays / WorldParameters.BLOCK_DAYS;
    return (int) Math.max(2, Math.min(10_000, Math.ceil(active / EPISODES_PER_PARTITION)));
  }

  /** The contract's columns with dates as epoch days (int), as the rows carry them. */
  static StructType wireSchema(EntitySchema entity) {
    List<StructField> fields = new ArrayList<>();
    for (ColumnSpec column : entity.columns()) {
      fields.add(DataTypes.createStructField(column.name(), wireType(column), !column.required()));
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType wireType(ColumnSpec column) {
    return switch (column.type()) {
      case "date", "integer" -> DataTypes.IntegerType;
      case "decimal" -> DataTypes.createDecimalType(column.precision(), column.scale());
      case "boolean" -> DataTypes.BooleanType;
      default -> DataTypes.StringType;
    };
  }

  private static Dataset<Row> typed(Dataset<Row> wire, EntitySchema entity) {
    Column[] columns = entity.columns().stream()
        .map(c -> c.type().equals("date")
            ? expr("date_from_unix_date(`" + c.name() + "`)").as(c.name())
            : col("`" + c.name() + "`"))
        .toArray(Column[]::new);
    return wire.select(columns);
  }
}
