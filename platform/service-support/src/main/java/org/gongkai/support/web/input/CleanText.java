package org.gongkai.support.web.input;

import java.text.Normalizer;

/**
 * What a text field may hold: printable Unicode in NFC, with line breaks and tabs. NUL and the other C0/C1 control
 * characters, lone surrogates and the bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069, which make a text
 * display differently from what it says) are refused rather than silently dropped, so nothing stored differs from
 * what the sender sees they sent.
 */
public final class CleanText {

    private CleanText() {
    }

    /** The NFC form of {@code text}, or the Chinese reason it is refused. */
    public static Result of(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Result.refused("含有不成对的代理字符（无效的 Unicode）");
            }
            if (Character.isLowSurrogate(c)) {
                return Result.refused("含有不成对的代理字符（无效的 Unicode）");
            }
            if (isControl(c)) {
                return Result.refused("含有不允许的控制字符（如 NUL）");
            }
            if (isBidiControl(c)) {
                return Result.refused("含有改变文字显示方向的控制字符");
            }
        }
        return Result.accepted(Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC));
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c <= 0x9f);
    }

    private static boolean isBidiControl(char c) {
        return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /** Either the text to keep or the reason it is refused. */
    public record Result(String text, String refusal) {

        static Result accepted(String text) {
            return new Result(text, null);
        }

        static Result refused(String reason) {
            return new Result(null, reason);
        }

        public boolean isRefused() {
            return refusal != null;
        }
    }
}
