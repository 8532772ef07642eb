package cn.hnsw.video.analysistask;

import java.util.List;

/**
 * 人像同类合并 — faces of one task grouped by person: two faces whose descriptors lie within the distance are the
 * same person, and the relation is closed transitively (union-find, single linkage). The descriptors are the
 * face pipeline's 128-d vectors compared by Euclidean distance, as the searches do.
 */
public final class SameFaceClusters {

    private SameFaceClusters() {
    }

    /** The cluster number (1, 2, …, in order of first appearance) of each descriptor. */
    public static int[] cluster(List<float[]> descriptors, double distance) {
        int n = descriptors.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        double limit = distance * distance;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (squared(descriptors.get(i), descriptors.get(j)) <= limit) {
                    int a = root(parent, i);
                    int b = root(parent, j);
                    if (a != b) {
                        parent[Math.max(a, b)] = Math.min(a, b);
                    }
                }
            }
        }
        int[] number = new int[n];
        int[] byRoot = new int[n];
        int next = 1;
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            if (byRoot[r] == 0) {
                byRoot[r] = next++;
            }
            number[i] = byRoot[r];
        }
        return number;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static double squared(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }
}
