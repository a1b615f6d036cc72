package org.gongkai.localmongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chunks no longer in use leave H2's chunk list after {@link DurableH2Backend#RETENTION}, not after H2's 45 s: every
 * commit makes a chunk and rewrites the part of that list it changed, so the list's length is paid on every commit.
 */
class ChunkRetentionTest {

    private static final int COMMITS = 100;

    @Test
    void chunksNoLongerInUseLeaveTheListWithinSeconds(@TempDir Path dir) {
        MVStore store = DurableH2Backend.openWithoutBackgroundCommits(dir.resolve("mongo.mv").toString());
        try {
            MVMap<String, String> map = store.openMap("outbox");
            // the same entry rewritten: each commit leaves the chunk before it with nothing in use
            for (int i = 0; i < COMMITS; i++) {
                map.put("aggregate-1", "version " + i);
                store.commit();
            }
            assertThat(H2Chunks.listed(store).size()).as("chunks listed right after the commits").isGreaterThan(COMMITS / 2);

            // H2 drops a chunk from the list at a commit after its retention time; with H2's 45 s this waits in vain
            int[] version = {COMMITS};
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                map.put("aggregate-1", "version " + version[0]++);
                store.commit();
                // a few stay listed until compaction rewrites what pins them (16 here, against 100 kept with 45 s)
                assertThat(H2Chunks.listed(store).size()).as("chunks listed").isLessThan(COMMITS / 4);
            });
            assertThat(map.get("aggregate-1")).isEqualTo("version " + (version[0] - 1));
        } finally {
            store.close();
        }
    }
}
