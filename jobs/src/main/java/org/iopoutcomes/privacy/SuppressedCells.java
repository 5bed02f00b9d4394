package org.iopoutcomes.privacy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iopoutcomes.privacy.SuppressionPlan.Kind;
import org.iopoutcomes.privacy.SuppressionPlan.Source;

/**
 * What {@link SmallCellSuppression} decided for the rows of one table: which of each row's columns
 * are hidden, and the rows as a dashboard shows them.
 */
public final class SuppressedCells {

  /** True when any value of the row is hidden. */
  public static final String SUPPRESSED = "suppressed";
  /** The smallest count the view shows. */
  public static final String MIN_CELL_SIZE = "min_cell_size";

  /** How many cells were hidden, and why. */
  public record Summary(int rows, int rowsSuppressed, int primaryCells, int complementaryCells,
      int hiddenRemainders, int hiddenSums, int hiddenDependents, int audits) {
    /** Count cells hidden (primary and complementary), the figure a reader of the dashboard sees as nulls. */
    public int hiddenCounts() {
      return primaryCells + complementaryCells;
    }
  }

  private final CubeCells cells;
  private final BitSet primary;
  private final BitSet hidden;
  private final int minCellSize;
  private final int audits;
  private final List<Set<String>> hiddenColumns = new ArrayList<>();

  SuppressedCells(CubeCells cells, BitSet primary, BitSet hidden, int minCellSize, int audits) {
    this.cells = cells;
    this.primary = primary;
    this.hidden = hidden;
    this.minCellSize = minCellSize;
    this.audits = audits;
    for (int row = 0; row < cells.rowCount(); row++) {
      hiddenColumns.add(Collections.unmodifiableSet(hiddenIn(row)));
    }
  }

  public int rowCount() {
    return cells.rowCount();
  }

  public int minCellSize() {
    return minCellSize;
  }

  /** The columns of the row (counts, sums, rates, ratios) that the view shows as null; rows as given. */
  public Set<String> hiddenColumns(int row) {
    return hiddenColumns.get(cells.position[row]);
  }

  public boolean isHidden(int row, String column) {
    return hiddenColumns(row).contains(column);
  }

  public boolean isSuppressed(int row) {
    return !hiddenColumns(row).isEmpty();
  }

  /** Whether the row's count was hidden for being small (not as a complement). */
  public boolean isPrimary(int row, String count) {
    return primary.get(cells.cell(cells.position[row], count));
  }

  /** The rows as the dashboard view holds them: hidden values null, with suppressed and min_cell_size. */
  public List<Map<String, Object>> view() {
    return view(cells.rowCount() == 0 ? List.of() : new ArrayList<>(cells.rows.get(0).keySet()));
  }

  /**
   * The rows with only these columns (one table of tables suppressed together), hidden values null;
   * suppressed is true when one of these columns is hidden.
   */
  public List<Map<String, Object>> view(List<String> columns) {
    List<Map<String, Object>> view = new ArrayList<>();
    for (int input = 0; input < cells.rowCount(); input++) {
      int row = cells.position[input];
      Map<String, Object> shown = new LinkedHashMap<>();
      boolean suppressed = false;
      for (String column : columns) {
        boolean hiddenHere = hiddenColumns.get(row).contains(column);
        shown.put(column, hiddenHere ? null : cells.rows.get(row).get(column));
        suppressed |= hiddenHere;
      }
      shown.put(SUPPRESSED, suppressed);
      shown.put(MIN_CELL_SIZE, minCellSize);
      view.add(shown);
    }
    return view;
  }

  public Summary summary() {
    int[] byKind = new int[Kind.values().length];
    int complementary = 0;
    for (int cell = hidden.nextSetBit(0); cell >= 0; cell = hidden.nextSetBit(cell + 1)) {
      Kind kind = cells.measure(cell).kind();
      byKind[kind.ordinal()]++;
      if (kind == Kind.COUNT && !primary.get(cell)) {
        complementary++;
      }
    }
    int rowsSuppressed = 0;
    int dependents = 0;
    for (int row = 0; row < cells.rowCount(); row++) {
      rowsSuppressed += hiddenColumns.get(row).isEmpty() ? 0 : 1;
      dependents += (int) hiddenColumns.get(row).stream().filter(cells.plan.dependents::containsKey).count();
    }
    return new Summary(cells.rowCount(), rowsSuppressed, byKind[Kind.COUNT.ordinal()] - complementary,
        complementary, byKind[Kind.REMAINDER.ordinal()], byKind[Kind.SUM.ordinal()], dependents, audits);
  }

  private Set<String> hiddenIn(int row) {
    Set<String> columns = new LinkedHashSet<>();
    for (int m = 0; m < cells.plan.measureCount(); m++) {
      if (cells.plan.measure(m).kind() != Kind.REMAINDER && hidden.get(cells.cell(row, m))) {
        columns.add(cells.plan.measure(m).name());
      }
    }
    cells.plan.dependents.forEach((dependent, sources) -> {
      if (sources.stream().anyMatch(source -> hidden(row, source))) {
        columns.add(dependent);
      }
    });
    return columns;
  }

  /** A source in another row that is not there counts as hidden: nothing shows what it would be. */
  private boolean hidden(int row, Source source) {
    int sourceRow = source.sameRow() ? row : cells.rowWith(row, source.key(), source.value());
    return sourceRow < 0 || hidden.get(cells.cell(sourceRow, source.measure()));
  }
}
