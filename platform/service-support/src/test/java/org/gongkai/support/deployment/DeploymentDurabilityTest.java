package org.gongkai.support.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Acknowledged means on disk with a real MongoDB too: every deployment's MongoDB URI asks for majority and the journal. */
class DeploymentDurabilityTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Pattern MONGO_URI = Pattern.compile("mongodb://[^\\s\"']+");

    @Test
    void everyMongoUriOfTheDeploymentAsksForMajorityAndTheJournal() throws IOException {
        List<String> uris = MONGO_URI.matcher(Files.readString(ROOT.resolve("docker-compose.yml"))).results()
                .map(m -> m.group()).toList();
        assertThat(uris).as("MongoDB URIs in docker-compose.yml").hasSizeGreaterThanOrEqualTo(4);
        assertThat(uris).allSatisfy(uri -> assertThat(uri).contains("w=majority").contains("journal=true"));
    }
}
