package org.gongkai.consultation.comment;

import java.security.SecureRandom;
import java.util.Base64;

/** Receipt codes: 192 random bits, URL-safe, so a receipt cannot be guessed from another one. */
public final class ReceiptCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 24;

    private ReceiptCodes() {
    }

    /** 32 characters of [A-Za-z0-9_-]. */
    public static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean looksValid(String code) {
        return code != null && code.length() == 32 && code.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }
}
