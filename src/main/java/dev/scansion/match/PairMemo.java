package dev.scansion.match;

import java.util.HashMap;
import java.util.Map;

/**
 * A memo keyed by (expected element, received element) pre-order numbers: a flat array for
 * stanza-sized trees, a hash map with a mixed key beyond that (never a raw {@code Long} key:
 * its hash folds the two numbers into their XOR and piles pairs into a few buckets).
 */
final class PairMemo<V> {
    private static final int FLAT_LIMIT = 1 << 16;

    private final int columns;
    private Object[] flat;
    private Map<Long, Object> sparse;

    PairMemo(int rows, int columns) {
        this.columns = columns;
        if ((long) rows * columns <= FLAT_LIMIT) flat = new Object[rows * columns];
        else sparse = new HashMap<>();
    }

    @SuppressWarnings("unchecked")
    V get(int row, int column) {
        return (V) (flat != null ? flat[row * columns + column] : sparse.get(key(row, column)));
    }

    void put(int row, int column, V value) {
        if (flat != null) flat[row * columns + column] = value;
        else sparse.put(key(row, column), value);
    }

    private static Long key(int row, int column) {
        return ((long) row * 0x9E3779B97F4A7C15L) ^ column;
    }
}
