package org.gongkai.reporting.facts;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which generation of fact collections readers see (0 = the collections' plain names), switched when a rebuild is
 * complete, and the generation a rebuild is filling (with when it started), for every instance of the service.
 */
@Document("read_model_generations")
record ActiveGeneration(@Id String id, int generation, Integer building, java.util.Date buildingSince) {

    static final String FACTS = "facts";
}
