package org.gongkai.reporting.facts;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Which generation of fact collections readers see (0 = the collections' plain names); switched when a rebuild is complete. */
@Document("read_model_generations")
record ActiveGeneration(@Id String id, int generation) {

    static final String FACTS = "facts";
}
