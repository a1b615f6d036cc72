package org.gongkai.testsupport;

import java.util.Set;

import org.gongkai.support.domain.Actor;

/**
 * The demo users ({@link DemoUser}) as domain actors, for unit tests that need no token: the same names, sections,
 * roles and subjects as the tokens of {@link TestTokens}.
 */
public final class Actors {

    public static final Actor SAFETY1 = of(DemoUser.SAFETY1);
    public static final Actor RELIEF1 = of(DemoUser.RELIEF1);
    public static final Actor OFFICE = of(DemoUser.OFFICE);
    public static final Actor SECRECY = of(DemoUser.SECRECY);
    public static final Actor LEADER = of(DemoUser.LEADER);
    public static final Actor ADMIN = of(DemoUser.ADMIN);

    private Actors() {
    }

    public static Actor of(DemoUser user) {
        return new Actor(user.subject(), user.username(), user.section(), Set.copyOf(user.roles()));
    }
}
