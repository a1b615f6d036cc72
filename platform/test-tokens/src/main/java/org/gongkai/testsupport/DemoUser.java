package org.gongkai.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The demo users of the gongkai realm, the one actor set of every test: staff of the two sections, the disclosure
 * office, the confidentiality officer, leadership and an admin. An anonymous caller is no user (no token at all).
 * Tokens for them come from {@link TestTokens}; service tests read them as domain actors through test-support's
 * {@code Actors}.
 */
public enum DemoUser {

    SAFETY1("safety1", "safety-coordination", "section-staff"),
    SAFETY2("safety2", "safety-coordination", "section-staff"),
    RELIEF1("relief1", "disaster-relief", "section-staff"),
    OFFICE("office", "disclosure-office", "disclosure-office"),
    SECRECY("secrecy", "confidentiality", "confidentiality-officer"),
    LEADER("leader", "leadership", "leader"),
    ADMIN("admin", "administration", "admin");

    private final String username;
    private final String section;
    private final List<String> roles;

    DemoUser(String username, String section, String... roles) {
        this.username = username;
        this.section = section;
        this.roles = List.of(roles);
    }

    public static DemoUser named(String username) {
        return Arrays.stream(values()).filter(u -> u.username.equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + username));
    }

    public String username() {
        return username;
    }

    public String section() {
        return section;
    }

    /** Realm roles, as in the token's {@code realm_access}. */
    public List<String> roles() {
        return roles;
    }

    /** The token subject: stable per user name, as Keycloak's user id is. */
    public String subject() {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A fresh signed token for this user. */
    public String token() {
        return TestTokens.token(username, section, roles.toArray(String[]::new));
    }
}
