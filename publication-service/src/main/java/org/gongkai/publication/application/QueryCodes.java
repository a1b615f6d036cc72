package org.gongkai.publication.application;

import java.security.SecureRandom;
import java.util.Base64;

/** The applicant's query code: 192 random bits, URL-safe, so one code tells nothing about another. */
final class QueryCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private QueryCodes() {
    }

    /** 32 characters of [A-Za-z0-9_-]. */
    static String next() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean looksValid(String code) {
        return code != null && code.length() == 32
                && code.chars().allMatch(c -> (c < 128 && Character.isLetterOrDigit(c)) || c == '-' || c == '_');
    }
}
