package org.gongkai.support.domain;

import java.util.Set;

/**
 * Who acts: the token subject, the display user name, the section claim and the realm roles.
 * Domain methods receive an Actor so that rules and audit never touch the security framework.
 */
public record Actor(String subject, String username, String section, Set<String> roles) {

    public static final String SECTION_STAFF = "section-staff";
    public static final String DISCLOSURE_OFFICE = "disclosure-office";
    public static final String CONFIDENTIALITY_OFFICER = "confidentiality-officer";
    public static final String LEADER = "leader";
    public static final String ADMIN = "admin";

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The office, the confidentiality officer, leadership and admins oversee every section. */
    public boolean overseesAllSections() {
        return hasRole(DISCLOSURE_OFFICE) || hasRole(CONFIDENTIALITY_OFFICER) || hasRole(LEADER) || hasRole(ADMIN);
    }

    public boolean belongsTo(String otherSection) {
        return section != null && section.equals(otherSection);
    }

    /** Actor for work the system does on its own (schedulers, event consumers). */
    public static Actor system(String what) {
        return new Actor("system:" + what, what, null, Set.of());
    }
}
