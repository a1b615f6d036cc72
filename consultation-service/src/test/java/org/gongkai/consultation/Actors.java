package org.gongkai.consultation;

import java.util.Set;

import org.gongkai.support.domain.Actor;

/** The demo users as domain actors, for unit tests that need no token. */
public final class Actors {

    public static final Actor SAFETY1 = new Actor("s-1", "safety1", "safety-coordination", Set.of(Actor.SECTION_STAFF));
    public static final Actor RELIEF1 = new Actor("r-1", "relief1", "disaster-relief", Set.of(Actor.SECTION_STAFF));
    public static final Actor OFFICE = new Actor("o-1", "office", "disclosure-office", Set.of(Actor.DISCLOSURE_OFFICE));
    public static final Actor LEADER = new Actor("l-1", "leader", "leadership", Set.of(Actor.LEADER));

    private Actors() {
    }
}
