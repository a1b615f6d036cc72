package org.gongkai.support.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The words of problem details: Simplified Chinese by default, English when the request's Accept-Language asks for it.
 * Shared texts live in {@code gongkai-problems*.properties}; a service adds its own in {@code problems*.properties}
 * (English details of its domain problems under {@code detail.<type>}). Domain details are written in Chinese where
 * they are raised, so the Chinese text needs no catalogue entry.
 */
public final class ProblemMessages {

    private final ResourceBundleMessageSource messages = source("gongkai-problems");
    /** The service's own English texts; only asked for in English, so a service without any is never looked up. */
    private final ResourceBundleMessageSource serviceMessages = source("problems");

    /** Null: the request's Accept-Language decides; otherwise always this language. */
    private final Locale fixedLocale;

    public ProblemMessages() {
        this(null);
    }

    private ProblemMessages(Locale fixedLocale) {
        this.fixedLocale = fixedLocale;
    }

    /** Texts in Chinese whatever the request asks, for layers that answer before any request is understood. */
    public static ProblemMessages chinese() {
        return new ProblemMessages(Locale.ROOT);
    }

    private static ResourceBundleMessageSource source(String basename) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basename);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(false);
        return source;
    }

    /**
     * English only when the request's Accept-Language puts English first; everything else (no header, zh, anything
     * unknown) gets Chinese. Read from the header itself, because security filters answer before Spring MVC has
     * resolved a locale and the JVM's default locale says nothing about the reader.
     */
    public static boolean english() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            try {
                return prefersEnglish(attributes.getRequest().getHeader("Accept-Language"));
            } catch (RuntimeException refusedHeader) {
                // the firewall refuses a header with control characters as it is read: such a reader gets Chinese
                return false;
            }
        }
        Locale locale = LocaleContextHolder.getLocale();
        return locale != null && "en".equals(locale.getLanguage());
    }

    static boolean prefersEnglish(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            return !ranges.isEmpty() && ranges.get(0).getRange().toLowerCase(Locale.ROOT).startsWith("en");
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private Locale locale() {
        if (fixedLocale != null) {
            return fixedLocale;
        }
        return english() ? Locale.ENGLISH : Locale.ROOT;
    }

    public String title(int status) {
        return messages.getMessage("title." + status, null, messages.getMessage("title." + (status / 100 * 100), null, "", locale()),
                locale());
    }

    public String detail(String slug, Object... args) {
        return messages.getMessage("detail." + slug, args, null, locale());
    }

    /** A domain problem's detail: its Chinese text, or the service's English text for the type when English is asked for. */
    public String domainDetail(String slug, String chinese) {
        if (!english()) {
            return chinese;
        }
        String english = serviceMessages.getMessage("detail." + slug, null, null, Locale.ENGLISH);
        if (english == null) {
            english = messages.getMessage("detail." + slug, null, null, Locale.ENGLISH);
        }
        return english == null ? chinese : english;
    }

    public String field(String key) {
        return messages.getMessage("field." + key, null, key, locale());
    }
}
