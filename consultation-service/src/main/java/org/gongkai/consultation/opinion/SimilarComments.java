package org.gongkai.consultation.opinion;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Suggests groups of similar comments by the Jaccard similarity of their character bigrams. Chinese has no spaces
 * between words, so words cannot be split on whitespace; overlapping pairs of characters capture the same wording
 * ("延长期限" → 延长, 长期, 期限) whatever the segmentation. Punctuation, spaces and letter case are ignored, and
 * full-width forms are folded (NFKC). Groups are the connected components of pairs at or above the threshold.
 */
public final class SimilarComments {

    public record Text(String id, String content) {
    }

    private SimilarComments() {
    }

    /** Jaccard similarity of the two texts' character bigram sets, from 0 (nothing shared) to 1 (same bigrams). */
    public static double similarity(String a, String b) {
        return jaccard(bigrams(a), bigrams(b));
    }

    /** Groups of at least two comment ids, largest first, each in input order; comments alike to none are left out. */
    public static List<List<String>> groups(List<Text> texts, double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
        }
        int n = texts.size();
        long[][] sets = new long[n][];
        Integer[] bySize = new Integer[n];
        for (int i = 0; i < n; i++) {
            sets[i] = bigrams(texts.get(i).content());
            bySize[i] = i;
        }
        Arrays.sort(bySize, Comparator.comparingInt(i -> sets[i].length));
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int x = 0; x < n; x++) {
            long[] small = sets[bySize[x]];
            if (small.length == 0) {
                continue;
            }
            for (int y = x + 1; y < n; y++) {
                long[] large = sets[bySize[y]];
                // |A ∩ B| / |A ∪ B| ≤ |A| / |B|: once the larger set outgrows that bound, no later one can reach it
                if (small.length < threshold * large.length) {
                    break;
                }
                if (jaccard(small, large) >= threshold) {
                    union(parent, bySize[x], bySize[y]);
                }
            }
        }
        Map<Integer, List<String>> components = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            components.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(texts.get(i).id());
        }
        return components.values().stream()
                .filter(group -> group.size() > 1)
                .sorted(Comparator.comparingInt((List<String> group) -> group.size()).reversed())
                .map(List::copyOf)
                .toList();
    }

    /** Sorted distinct bigrams, each two code points packed into a long; a one-character text is its own "bigram". */
    static long[] bigrams(String text) {
        if (text == null) {
            return new long[0];
        }
        int[] chars = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).codePoints()
                .filter(Character::isLetterOrDigit)
                .toArray();
        if (chars.length == 1) {
            return new long[] {pack(chars[0], 0)};
        }
        long[] pairs = new long[Math.max(0, chars.length - 1)];
        for (int i = 0; i + 1 < chars.length; i++) {
            pairs[i] = pack(chars[i], chars[i + 1]);
        }
        return Arrays.stream(pairs).sorted().distinct().toArray();
    }

    static double jaccard(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int shared = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) shared / (a.length + b.length - shared);
    }

    private static long pack(int first, int second) {
        return ((long) first << 21) | second;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
