package org.gongkai.localmongo;

import java.util.TreeMap;

import org.h2.mvstore.MVStore;

/** For tests that look at what the store wrote: H2's own list of its chunks. */
final class H2Chunks {

    private H2Chunks() {
    }

    /** The metadata of each chunk the store lists, by chunk id (the layout map's "chunk.<hex id>" entries). */
    static TreeMap<Integer, String> listed(MVStore store) {
        TreeMap<Integer, String> byId = new TreeMap<>();
        store.getLayoutMap().forEach((key, metadata) -> {
            if (key.startsWith("chunk.")) {
                byId.put(Integer.parseInt(key.substring("chunk.".length()), 16), metadata);
            }
        });
        return byId;
    }
}
