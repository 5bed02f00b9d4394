package org.iopoutcomes.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.EntitySchema;
import org.iopoutcomes.contract.ReferenceRule;
import org.iopoutcomes.lake.ConcurrentWrites;
import org.iopoutcomes.lake.Lake;
import scala.collection.JavaConverters;

/**
 * Ingests one batch: reads each entity's files, validates them against the contract, merges the
 * accepted rows into silver and puts the rejected ones in quarantine. Entities go in the contract's
 * order, so that attendance and costs are checked against the episodes and sessions just merged.
 */
public final class BatchIngest {

  private final SparkSession spark;
  private final Contract contract;
  private final SilverTables silver;
  private final Quarantine quarantine;
  private final String runId;

  public BatchIngest(SparkSession spark, Contract contract, Lake lake, String runId) {
    this.spark = spark;
    this.contract = contract;
    this.silver = new SilverTables(spark, lake);
    this.quarantine = new Quarantine(lake, contract);
    this.runId = runId;
  }

  /** Files of a batch whose headers have been checked ({@link FileHeader#check}). */
  public record CheckedBatch(String batch, Map<SourceFile, List<String>> headers) {}

  /** Checks every file of a batch before anything is written; throws {@link InputRefusedException}. */
  public CheckedBatch check(String batch) {
    Map<SourceFile, List<String>> headers = new LinkedHashMap<>();
    for (SourceFile file : BatchFiles.list(batch, spark.sparkContext().hadoopConfiguration(), contract)) {
      headers.put(file, FileHeader.check(spark, file, contract));
    }
    IdentifierScan.check(spark, headers, contract);
    return new CheckedBatch(batch, headers);
  }

  /**
   * Ingests a checked batch and returns, per file, the rows read, accepted and quarantined. Every
   * entity is validated first (references against the lake and the batch's own accepted rows), then
   * the quarantine is written; only when no file's reject rate exceeds {@code rejectLimit} are the
   * accepted rows merged into silver, so a refused batch leaves silver as it was.
   */
  public List<FileCount> ingest(CheckedBatch batch, RejectLimit rejectLimit) {
    List<FileCount> counts = new ArrayList<>();
    Map<String, Dataset<Row>> validatedByEntity = new LinkedHashMap<>();
    for (String entityName : contract.entityOrder()) {
      List<SourceFile> files = batch.headers().keySet().stream().filter(f -> f.entity().equals(entityName)).toList();
      if (files.isEmpty()) {
        continue;
      }
      EntitySchema entity = contract.entity(entityName);
      Dataset<Row> validated = RowValidation.validate(read(files, entity, batch), entity, contract,
              targets(entity, validatedByEntity))
          .persist(StorageLevel.MEMORY_AND_DISK());
      validatedByEntity.put(entityName, validated);
      counts.addAll(countPerFile(validated, files));
    }
    Dataset<Row> rejected = validatedByEntity.values().stream()
        .map(v -> v.filter(not(RowValidation.accepted())))
        .reduce((a, b) -> a.unionByName(b, true))
        .orElse(null);
    try {
      if (rejected != null) {
        quarantine.replaceBatch(batch.batch(), rejected, runId);
        rejectLimit.check(counts, rejected);
      }
      // Each entity's silver table on its own, a few at once: nothing in one merge reads another's result.
      Map<String, Callable<Void>> merges = new LinkedHashMap<>();
      validatedByEntity.forEach((entity, validated) -> merges.put(entity, () -> {
        silver.merge(contract.entity(entity), validated.filter(RowValidation.accepted()), runId);
        return null;
      }));
      ConcurrentWrites.run(merges);
    } finally {
      validatedByEntity.values().forEach(Dataset::unpersist);
    }
    return counts;
  }

  private Dataset<Row> read(List<SourceFile> files, EntitySchema entity, CheckedBatch batch) {
    Dataset<Row> union = null;
    for (SourceFile file : files) {
      Dataset<Row> records = RawRecords.read(spark, file, entity, batch.headers().get(file));
      union = union == null ? records : union.union(records);
    }
    return union;
  }

  /**
   * The rows every entity this one references can point at: those in silver, with the batch's
   * accepted rows in place of any silver row with the same key.
   */
  private Map<String, Dataset<Row>> targets(EntitySchema entity, Map<String, Dataset<Row>> validatedByEntity) {
    Map<String, Dataset<Row>> targets = new HashMap<>();
    for (ReferenceRule reference : entity.references()) {
      targets.computeIfAbsent(reference.entity(), name -> {
        EntitySchema target = contract.entity(name);
        Column[] columns = target.columnNames().stream().map(c -> col(c)).toArray(Column[]::new);
        Dataset<Row> inLake = silver.read(target).select(columns);
        Dataset<Row> inBatch = validatedByEntity.get(name);
        if (inBatch == null) {
          return inLake;
        }
        Dataset<Row> accepted = inBatch.filter(RowValidation.accepted()).select(columns);
        return inLake.join(accepted.select(target.key().stream().map(k -> col(k)).toArray(Column[]::new)),
                JavaConverters.asScalaBuffer(target.key()).toSeq(), "left_anti")
            .unionByName(accepted);
      });
    }
    return targets;
  }

  private List<FileCount> countPerFile(Dataset<Row> validated, List<SourceFile> files) {
    Map<String, long[]> byFile = new HashMap<>();
    for (Row row : validated.groupBy(RawRecords.SOURCE_FILE)
        .agg(count(lit(1)), sum(when(RowValidation.accepted(), 1L).otherwise(0L)),
            sum(when(RowValidation.accepted(), 0L).otherwise(1L)))
        .collectAsList()) {
      byFile.put(row.getString(0), new long[] {row.getLong(1), row.getLong(2), row.getLong(3)});
    }
    List<FileCount> counts = new ArrayList<>();
    for (SourceFile file : files) {
      long[] readAcceptedRejected = byFile.getOrDefault(file.path(), new long[] {0, 0, 0});
      counts.add(new FileCount(file.batch(), file.entity(), file.path(), file.format().name().toLowerCase(),
          readAcceptedRejected[0], readAcceptedRejected[1], readAcceptedRejected[2]));
    }
    return counts;
  }
}
