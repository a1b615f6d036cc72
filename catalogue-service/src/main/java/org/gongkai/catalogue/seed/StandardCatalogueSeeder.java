package org.gongkai.catalogue.seed;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.catalogue.version.CatalogueItem;
import org.gongkai.catalogue.version.CatalogueVersion;
import org.gongkai.catalogue.version.CatalogueVersionRepository;
import org.gongkai.catalogue.version.Channel;
import org.gongkai.support.domain.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads the national template (应急厅函〔2019〕390号) from the project's own seed file and publishes it as
 * version 1 of each catalogue, effective from the template's date. Idempotent: a catalogue that already
 * has a version is left alone, and the deterministic id makes concurrent starts harmless.
 */
@Component
public class StandardCatalogueSeeder implements ApplicationRunner {

    static final String SEED = "seed/standard-catalogues.yaml";
    private static final Logger log = LoggerFactory.getLogger(StandardCatalogueSeeder.class);
    private static final Map<String, String> CODE_PREFIX = Map.of("work-safety", "WS", "disaster-relief", "DR");

    private final CatalogueVersionRepository versions;
    private final Clock clock;

    StandardCatalogueSeeder(CatalogueVersionRepository versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Map<String, Object> seed = read();
        LocalDate templateDate = LocalDate.parse(String.valueOf(((Map<?, ?>) seed.get("source")).get("date")));
        for (Object c : (List<?>) seed.get("catalogues")) {
            Map<?, ?> catalogue = (Map<?, ?>) c;
            String domain = (String) catalogue.get("domain");
            if (versions.existsByCatalogue(domain)) {
                continue;
            }
            List<CatalogueItem> items = items(domain, (List<?>) catalogue.get("items"));
            Instant now = Instant.now(clock);
            Actor seeder = Actor.system("standard-catalogue-seed");
            CatalogueVersion first = CatalogueVersion.draft(domain, (String) catalogue.get("name"), 1, items, seeder, now,
                    "依据国家标准目录模板（应急厅函〔2019〕390号）");
            first.publish(templateDate, Optional.empty(), seeder, now);
            try {
                versions.insert(first);
                log.info("seeded catalogue {} with {} items", domain, items.size());
            } catch (DuplicateKeyException e) {
                log.info("catalogue {} was seeded concurrently", domain);
            }
        }
    }

    static List<CatalogueItem> items(String domain, List<?> rows) {
        List<CatalogueItem> items = new ArrayList<>();
        for (Object r : rows) {
            Map<?, ?> row = (Map<?, ?>) r;
            int seq = ((Number) row.get("seq")).intValue();
            List<String> channels = strings(row.get("channels")).stream()
                    .map(label -> Channel.byLabel(label)
                            .orElseThrow(() -> new IllegalStateException("seed row " + seq + ": unknown channel " + label))
                            .code())
                    .toList();
            items.add(new CatalogueItem(String.format("%s-%02d", CODE_PREFIX.get(domain), seq), seq,
                    (String) row.get("level1"), (String) row.get("level2"), (String) row.get("content"),
                    strings(row.get("basis")), (String) row.get("timeLimit"), String.valueOf(row.get("timeLimitRule")),
                    (String) row.get("body"), channels, strings(row.get("audience")), strings(row.get("method")),
                    strings(row.get("level")), List.of(), (String) row.get("verification"), true, null));
        }
        return items;
    }

    /** Every 公开时限 wording seen in county copies, with its rule: the only wording an import maps without asking. */
    public static Map<String, String> timeLimitPhrasings() throws IOException {
        Map<String, String> phrasings = new java.util.HashMap<>();
        for (Object p : (List<?>) read().get("timeLimitPhrasings")) {
            Map<?, ?> phrasing = (Map<?, ?>) p;
            phrasings.put(String.valueOf(phrasing.get("text")), String.valueOf(phrasing.get("rule")));
        }
        return Map.copyOf(phrasings);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read() throws IOException {
        try (InputStream in = new ClassPathResource(SEED).getInputStream()) {
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
