package org.gongkai.support.organisation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gongkai.support.domain.DomainException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bureau's sections (股室) as the realm knows them (the {@code section} attribute of its users), configured once
 * under {@code gongkai.organisation.sections} with their Chinese names. Every record that names a section names one
 * of these; an unknown section is refused, so no figure is ever built for a section that does not exist.
 *
 * @param sections code → Chinese name of the sections that own documents, concerns and reports
 */
@ConfigurationProperties("gongkai.organisation")
public record Sections(Map<String, String> sections) {

    public Sections {
        if (sections == null || sections.isEmpty()) {
            Map<String, String> defaults = new LinkedHashMap<>();
            defaults.put("safety-coordination", "安全生产综合协调股");
            defaults.put("disaster-relief", "救灾和物资保障股");
            sections = defaults;
        }
        sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    public boolean isKnown(String code) {
        return code != null && sections.containsKey(code);
    }

    public String requireKnown(String code) {
        if (!isKnown(code)) {
            throw DomainException.invalid("unknown-section", "没有名为“" + code + "”的股室；可选：" + String.join("、", sections.keySet()) + "。")
                    .with("knownSections", sections.keySet());
        }
        return code;
    }

    public String label(String code) {
        return sections.getOrDefault(code, code);
    }
}
