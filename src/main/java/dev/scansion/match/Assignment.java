package dev.scansion.match;

import java.util.Arrays;

/**
 * Maximum bipartite matching by augmenting paths (Kuhn's algorithm): pairs each left item with a
 * distinct right item where {@code edge} allows, revising earlier choices when a later item needs
 * their partner. This is what a greedy first-fit scan gets wrong.
 */
final class Assignment {
    @FunctionalInterface
    interface Edge {
        boolean test(int left, int right);
    }

    private Assignment() {
    }

    /**
     * For each left index, its right partner or -1; the number of pairs is maximal.
     *
     * @param candidates for each left index, the right indices worth testing, ascending
     */
    static int[] maximum(int right, int[][] candidates, Edge edge) {
        int left = candidates.length;
        int[] leftTo = new int[left];
        int[] rightTo = new int[right];
        Arrays.fill(leftTo, -1);
        Arrays.fill(rightTo, -1);
        // Edge answers are cached: each may run a whole subtree comparison.
        byte[] known = new byte[left * right];
        int start = 0;
        for (int i = 0; i < left; i++) {
            // Scanning from just after the previous partner finds in-order lists at once.
            if (augment(i, start, new boolean[right], leftTo, rightTo, known, candidates, edge)) {
                start = leftTo[i] + 1;
            }
        }
        return leftTo;
    }

    private static boolean augment(int i, int start, boolean[] visited, int[] leftTo, int[] rightTo, byte[] known,
                                   int[][] candidates, Edge edge) {
        int[] js = candidates[i];
        int first = firstAtLeast(js, start);
        for (int k = 0; k < js.length; k++) {
            int j = js[(first + k) % js.length];
            if (visited[j] || !has(i, j, rightTo.length, known, edge)) continue;
            visited[j] = true;
            if (rightTo[j] < 0 || augment(rightTo[j], 0, visited, leftTo, rightTo, known, candidates, edge)) {
                leftTo[i] = j;
                rightTo[j] = i;
                return true;
            }
        }
        return false;
    }

    private static int firstAtLeast(int[] js, int start) {
        for (int k = 0; k < js.length; k++) {
            if (js[k] >= start) return k;
        }
        return 0;
    }

    private static boolean has(int i, int j, int right, byte[] known, Edge edge) {
        int k = i * right + j;
        if (known[k] == 0) known[k] = edge.test(i, j) ? (byte) 1 : (byte) 2;
        return known[k] == 1;
    }
}
