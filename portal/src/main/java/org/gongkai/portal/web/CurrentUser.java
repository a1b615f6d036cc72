package org.gongkai.portal.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Who is signed in, as the pages need it: name, section and realm roles (null when nobody is). */
public record CurrentUser(String username, String displayName, String section, Set<String> roles) {

    public static CurrentUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toUnmodifiableSet());
        String name = user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
        return new CurrentUser(user.getPreferredUsername(), name, user.getClaimAsString("section"), roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isSectionStaff() {
        return has("section-staff");
    }

    public boolean isOffice() {
        return has("disclosure-office");
    }

    public boolean isReviewer() {
        return has("disclosure-office") || has("confidentiality-officer");
    }

    public boolean isLeadership() {
        return has("leader") || has("disclosure-office") || has("admin");
    }

    /** Where this user's work starts after login. */
    public String home() {
        if (isSectionStaff()) {
            return "/portal/staff";
        }
        if (isReviewer()) {
            return "/portal/office";
        }
        if (isLeadership()) {
            return "/portal/leadership";
        }
        return "/";
    }
}
