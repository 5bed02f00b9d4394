package org.iopoutcomes.privacy;

import java.util.BitSet;
import org.iopoutcomes.privacy.Relations.Relation;

/**
 * Which hidden counts the relations pin to one value once bounds are used: a hidden count is at
 * least 1 (zeros are never hidden) and a count is never negative, so two hidden children that add
 * up to 2 are both 1, although no equation isolates either. Bounds are narrowed relation by relation
 * until nothing changes (interval propagation); a hidden count whose bounds meet is given away.
 * Sums (money, hours) can be negative and take no part.
 */
final class BoundsAudit {

  static final long UNBOUNDED = Long.MAX_VALUE / 4;
  /** Narrowing usually settles in a few passes; the cap keeps a slowly shrinking cycle from running on. */
  private static final int MAX_PASSES = 1_000;

  private final CubeCells cells;
  private final long[] low;
  private final long[] high;

  private BoundsAudit(CubeCells cells, BitSet hidden) {
    this.cells = cells;
    this.low = new long[cells.size()];
    this.high = new long[cells.size()];
    for (int cell = 0; cell < cells.size(); cell++) {
      boolean unknown = hidden.get(cell);
      low[cell] = unknown ? 1 : cells.count(cell);
      high[cell] = unknown ? UNBOUNDED : cells.count(cell);
    }
  }

  static BitSet pinned(CubeCells cells, Relations relations, BitSet hidden) {
    BoundsAudit audit = new BoundsAudit(cells, hidden);
    boolean changed = true;
    for (int pass = 0; changed && pass < MAX_PASSES; pass++) {
      changed = false;
      for (Relation relation : relations.all()) {
        if (cells.measure(relation.total()).isCount()) {
          changed |= audit.narrow(relation, hidden);
        }
      }
    }
    BitSet pinned = new BitSet();
    hidden.stream().filter(c -> cells.measure(c).isCount() && audit.low[c] == audit.high[c]).forEach(pinned::set);
    return pinned;
  }

  /** total = Σ children: narrows the total by the children, and each child by the total and the others. */
  private boolean narrow(Relation relation, BitSet hidden) {
    long sumLow = 0;
    long finiteHigh = 0;
    int unbounded = 0;
    for (int child : relation.children()) {
      sumLow += low[child];
      if (high[child] >= UNBOUNDED) {
        unbounded++;
      } else {
        finiteHigh += high[child];
      }
    }
    int total = relation.total();
    boolean changed = hidden.get(total) && set(total, sumLow, unbounded > 0 ? UNBOUNDED : finiteHigh);
    for (int child : relation.children()) {
      if (hidden.get(child)) {
        boolean own = high[child] >= UNBOUNDED;
        long othersHigh = unbounded - (own ? 1 : 0) > 0 ? UNBOUNDED : finiteHigh - (own ? 0 : high[child]);
        long from = othersHigh >= UNBOUNDED ? 0 : low[total] - othersHigh;
        long to = high[total] >= UNBOUNDED ? UNBOUNDED : high[total] - (sumLow - low[child]);
        changed |= set(child, from, to);
      }
    }
    return changed;
  }

  private boolean set(int cell, long from, long to) {
    boolean changed = false;
    if (from > low[cell]) {
      low[cell] = from;
      changed = true;
    }
    if (to < high[cell]) {
      high[cell] = to;
      changed = true;
    }
    if (low[cell] > high[cell]) {
      throw new IllegalStateException(cells.describe(cell) + ": the relations contradict each other");
    }
    return changed;
  }
}
