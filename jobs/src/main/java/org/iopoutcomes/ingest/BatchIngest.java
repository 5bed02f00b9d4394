package org.iopoutcomes.ingest;

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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.EntitySchema;
import org.iopoutcomes.contract.ReferenceRule;
import org.iopoutcomes.lake.Lake;

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
    return new CheckedBatch(batch, headers);
  }

  /** Ingests a checked batch and returns, per file, the rows read, accepted and quarantined. */
  public List<FileCount> ingest(CheckedBatch batch) {
    List<FileCount> counts = new ArrayList<>();
    List<Dataset<Row>> validatedEntities = new ArrayList<>();
    Dataset<Row> rejected = null;
    for (String entityName : contract.entityOrder()) {
      List<SourceFile> files = batch.headers().keySet().stream().filter(f -> f.entity().equals(entityName)).toList();
      if (files.isEmpty()) {
        continue;
      }
      EntitySchema entity = contract.entity(entityName);
      Dataset<Row> validated = RowValidation.validate(read(files, entity, batch), entity, contract, targets(entity))
          .persist(StorageLevel.MEMORY_AND_DISK());
      validatedEntities.add(validated);
      counts.addAll(countPerFile(validated, files));
      silver.merge(entity, validated.filter(RowValidation.accepted()), runId);
      Dataset<Row> entityRejected = validated.filter(not(RowValidation.accepted()));
      rejected = rejected == null ? entityRejected : rejected.unionByName(entityRejected, true);
    }
    if (rejected != null) {
      quarantine.replaceBatch(batch.batch(), rejected, runId);
    }
    validatedEntities.forEach(Dataset::unpersist);
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

  /** The accepted rows of every entity this one references, as they are in silver now. */
  private Map<String, Dataset<Row>> targets(EntitySchema entity) {
    Map<String, Dataset<Row>> targets = new HashMap<>();
    for (ReferenceRule reference : entity.references()) {
      targets.computeIfAbsent(reference.entity(), e -> silver.read(contract.entity(e)));
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
