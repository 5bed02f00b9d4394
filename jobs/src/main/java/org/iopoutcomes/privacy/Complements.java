package org.iopoutcomes.privacy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iopoutcomes.privacy.Relations.Relation;
import org.iopoutcomes.privacy.SuppressionPlan.Kind;
import org.iopoutcomes.privacy.SuppressionPlan.Measure;

/**
 * Complementary suppression: hides more cells until no relation has exactly one hidden cell (which
 * its total minus the shown cells would give away), and protects cells the audit finds exposed.
 *
 * <p>Which cell to add, best first: one that does not leave the relation's hidden cells all equal
 * to 1 (hidden counts are never 0, so that would pin them); a remainder (never shown, so hiding it
 * costs the dashboard nothing); a child rather than the total; the smallest value; key order. A
 * count of 0 never serves (nor does a missing row, a known 0), so anyone may know that a hidden
 * count is at least 1: the audit assumes they do.
 */
final class Complements {

  private final CubeCells cells;
  private final Relations relations;
  private final BitSet hidden;
  private final Deque<Integer> toCheck = new ArrayDeque<>();

  Complements(CubeCells cells, Relations relations, BitSet hidden) {
    this.cells = cells;
    this.relations = relations;
    this.hidden = hidden;
  }

  /** Hides the sums of rows whose counts are hidden, then complements to the fixed point. */
  void toFixedPoint() {
    ((BitSet) hidden.clone()).stream().forEach(this::hideSumsWith);
    for (int r = 0; r < relations.all().size(); r++) {
      toCheck.add(r);
    }
    while (!toCheck.isEmpty()) {
      Relation relation = relations.get(toCheck.poll());
      if (hiddenIn(relation) == 1) {
        hide(best(relation, false));
      }
    }
  }

  /**
   * Adds a complement near every exposed cell: in one of its relations where a cell can serve, else
   * in the relations of the cells around it, widening until one can. A cell with a complement added
   * for another exposed cell at least as near is left for the next audit to judge. False when
   * nothing was added.
   */
  boolean protect(BitSet exposed) {
    BitSet added = new BitSet();
    exposed.stream().forEach(cell -> {
      int complement = nearest(cell, added);
      if (complement >= 0) {
        added.set(complement);
        hide(complement);
      }
    });
    if (added.isEmpty() && !exposed.isEmpty()) {
      throw new IllegalStateException("cannot protect " + cells.describe(exposed.nextSetBit(0))
          + ": every cell related to it is hidden already");
    }
    return !added.isEmpty();
  }

  /**
   * The best cell to hide in the nearest relations (reached through their cells) that have one; -1
   * when a complement added in this round is as near, or when there is none.
   */
  private int nearest(int cell, BitSet added) {
    Set<Integer> seen = new HashSet<>(relations.of(cell));
    List<Integer> layer = new ArrayList<>(seen);
    while (!layer.isEmpty()) {
      if (layer.stream().anyMatch(r -> touches(relations.get(r), added))) {
        return -1;
      }
      int best = bestIn(layer, true);
      best = best >= 0 ? best : bestIn(layer, false);
      if (best >= 0) {
        return best;
      }
      List<Integer> next = new ArrayList<>();
      for (int r : layer) {
        for (int member : cellsOf(relations.get(r))) {
          relations.of(member).stream().filter(seen::add).forEach(next::add);
        }
      }
      layer = next;
    }
    return -1;
  }

  /** The smallest of the relations' best cells, or -1. */
  private int bestIn(List<Integer> layer, boolean needSlack) {
    return layer.stream()
        .map(r -> bestOrNone(relations.get(r), needSlack))
        .filter(c -> c >= 0)
        .min(Comparator.<Integer, Double>comparing(c -> Math.abs(cells.value(c))).thenComparing(cells::order))
        .orElse(-1);
  }

  private void hide(int cell) {
    if (!hidden.get(cell)) {
      hidden.set(cell);
      toCheck.addAll(relations.of(cell));
      hideSumsWith(cell);
    }
  }

  /** A hidden count hides the sums of its row that are hidden with it. */
  private void hideSumsWith(int cell) {
    String name = cells.measure(cell).name();
    int row = cells.row(cell);
    for (int m = 0; m < cells.plan.measureCount(); m++) {
      Measure measure = cells.plan.measure(m);
      if (measure.kind() == Kind.SUM && measure.hiddenWith().contains(name)) {
        hide(cells.cell(row, m));
      }
    }
  }

  private int best(Relation relation, boolean needSlack) {
    int best = bestOrNone(relation, needSlack);
    if (best < 0) {
      throw new IllegalStateException("cannot protect the hidden cell among " + cells.describe(relation.total())
          + " and its children: no other cell can be hidden");
    }
    return best;
  }

  /** The best cell of the relation to hide next, or -1. */
  private int bestOrNone(Relation relation, boolean needSlack) {
    int best = -1;
    for (int cell : cellsOf(relation)) {
      if (canServe(cell) && (best < 0 || better(relation, cell, best))) {
        best = cell;
      }
    }
    if (needSlack && best >= 0 && pins(relation, best)) {
      return -1;
    }
    return best;
  }

  private boolean canServe(int cell) {
    return !hidden.get(cell) && (!cells.measure(cell).isCount() || cells.count(cell) > 0);
  }

  private boolean better(Relation relation, int a, int b) {
    return Comparator.<Integer, Boolean>comparing(c -> pins(relation, c))
        .thenComparing(c -> cells.measure(c).kind() != Kind.REMAINDER)
        .thenComparing(c -> c == relation.total())
        .thenComparing(c -> cells.value(c) == 0)
        .thenComparing(c -> Math.abs(cells.value(c)))
        .thenComparing(c -> cells.order(c))
        .compare(a, b) < 0;
  }

  /**
   * Whether hiding the child would leave the relation's hidden children all 1 while its total is
   * shown: hidden counts are at least 1, so their known sum would give each of them away.
   */
  private boolean pins(Relation relation, int cell) {
    if (!cells.measure(cell).isCount() || cell == relation.total() || hidden.get(relation.total())) {
      return false;
    }
    long sum = cells.count(cell);
    int count = 1;
    for (int child : relation.children()) {
      if (hidden.get(child)) {
        sum += cells.count(child);
        count++;
      }
    }
    return sum == count;
  }

  private int hiddenIn(Relation relation) {
    int n = hidden.get(relation.total()) ? 1 : 0;
    for (int child : relation.children()) {
      n += hidden.get(child) ? 1 : 0;
    }
    return n;
  }

  private static boolean touches(Relation relation, BitSet cells) {
    return cellsOf(relation).stream().anyMatch(cells::get);
  }

  private static List<Integer> cellsOf(Relation relation) {
    List<Integer> all = new ArrayList<>(relation.children().length + 1);
    for (int child : relation.children()) {
      all.add(child);
    }
    all.add(relation.total());
    return all;
  }
}
