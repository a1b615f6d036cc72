package org.gongkai.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.gongkai.consultation.comment.Comment;
import org.gongkai.consultation.consultation.Consultation;
import org.gongkai.consultation.opinion.Opinion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Every index costs each write an entry, and the embedded wire server keeps every index in memory: an index whose keys
 * begin another one answers nothing the longer one does not, so none is declared.
 */
class DeclaredIndexesTest {

    private final IndexResolver indexes = IndexResolver.create(mappingContext());

    private static MongoMappingContext mappingContext() {
        MongoMappingContext context = new MongoMappingContext();
        // as Spring Boot sets it up: Instant and the like are values, not entities to look into
        context.setSimpleTypeHolder(new MongoCustomConversions(List.of()).getSimpleTypeHolder());
        return context;
    }

    private List<IndexDefinition> declaredOn(Class<?> document) {
        List<IndexDefinition> declared = new ArrayList<>();
        indexes.resolveIndexFor(document).forEach(declared::add);
        return declared;
    }

    @ParameterizedTest
    @ValueSource(classes = { Comment.class, Opinion.class, Consultation.class })
    void noPlainIndexBeginsAnother(Class<?> document) {
        List<IndexDefinition> declared = declaredOn(document);
        assertThat(declared).isNotEmpty();
        for (IndexDefinition shorter : declared) {
            if (Boolean.TRUE.equals(shorter.getIndexOptions().get("unique"))) {
                continue; // a unique index refuses what the longer one would take
            }
            for (IndexDefinition longer : declared) {
                if (shorter != longer) {
                    assertThat(begins(shorter.getIndexKeys(), longer.getIndexKeys()))
                            .as("%s begins %s", shorter.getIndexOptions().get("name"), longer.getIndexOptions().get("name")).isFalse();
                }
            }
        }
    }

    @Test
    void onlyCommentsGroupedIntoAnOpinionAreInTheOpinionIndex() {
        IndexDefinition byOpinion = declaredOn(Comment.class).stream()
                .filter(index -> index.getIndexKeys().keySet().equals(Set.of("opinionId"))).findFirst().orElseThrow();
        assertThat(byOpinion.getIndexOptions().get("sparse")).isEqualTo(true);
        // not the name of the plain index a database of before holds: MongoDB refuses other options under an existing name
        assertThat(byOpinion.getIndexOptions().get("name")).isNotEqualTo("opinionId");
    }

    /** Whether every key of {@code shorter}, in order and direction, begins {@code longer}. */
    private static boolean begins(Document shorter, Document longer) {
        if (shorter.size() > longer.size()) {
            return false;
        }
        List<Map.Entry<String, Object>> longerKeys = new ArrayList<>(longer.entrySet());
        int i = 0;
        for (Map.Entry<String, Object> key : shorter.entrySet()) {
            Map.Entry<String, Object> other = longerKeys.get(i++);
            if (!key.getKey().equals(other.getKey()) || !String.valueOf(key.getValue()).equals(String.valueOf(other.getValue()))) {
                return false;
            }
        }
        return true;
    }
}
