package org.gongkai.localmongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one small command costs the file. The wire server commits every write command on its own, and H2 writes each
 * page a commit changed whole, with its parents up to the root, and the pages of its own chunk list that changed: so
 * the bytes of a one-entry commit follow the page size, not the change ({@link DurableH2Backend#KEYS_PER_PAGE}).
 * Measured in H2's 4 KB blocks from the chunks' own metadata, so neither the machine nor its load changes the figure.
 */
class CommitSizeTest {

    private static final int ENTRIES = 20_000;
    private static final int COMMITS = 200;

    @Test
    void aOneEntryCommitIntoALargeIndexWritesAboutThreeBlocks(@TempDir Path dir) {
        MVStore store = DurableH2Backend.openWithoutBackgroundCommits(dir.resolve("mongo.mv").toString());
        try {
            // an index of the kind every collection has: random keys (a UUID, a fingerprint) to short values
            MVMap<String, String> index = store.openMap("index");
            Random random = new Random(16);
            for (int i = 0; i < ENTRIES; i++) {
                index.put(new UUID(random.nextLong(), random.nextLong()).toString(), "position-" + i);
            }
            store.commit();

            for (int i = 0; i < COMMITS; i++) {
                index.put(new UUID(random.nextLong(), random.nextLong()).toString(), "position-" + (ENTRIES + i));
                store.commit();
            }

            // the store's first chunk holds the 20,000 entries; H2 lists a chunk's metadata with the commit after it,
            // so the chunks of all measured commits but the last are listed
            TreeMap<Integer, String> chunks = H2Chunks.listed(store);
            SortedMap<Integer, String> measured = chunks.tailMap(chunks.firstKey(), false);
            assertThat(measured).as("the measured commits' chunks").hasSize(COMMITS - 1);
            long blocks = measured.values().stream().mapToLong(metadata -> field(metadata, "len")).sum();
            // 2.7 blocks each with 16 entries per page; with H2's default of 48 the same commits take 3.7
            assertThat((double) blocks / measured.size()).as("4 KB blocks written per one-entry commit").isLessThanOrEqualTo(3.2);
        } finally {
            store.close();
        }
    }

    /** A hexadecimal field of H2's chunk metadata ("chunk:1f,block:2,len:3,…"). */
    private static long field(String metadata, String name) {
        for (String part : metadata.split(",")) {
            String[] pair = part.split(":", 2);
            if (pair[0].equals(name)) {
                return Long.parseLong(pair[1], 16);
            }
        }
        throw new IllegalArgumentException(name + " not in " + metadata);
    }
}
