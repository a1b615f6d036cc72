package org.gongkai.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.data.domain.Sort;

/**
 * The contract every paginated list route keeps ({@code PageView}: {@code items, page, size, total}): pages walked one
 * after another hold every item exactly once (a stable order, no overlap, nothing skipped) and as many as the total
 * says; a page beyond the end is empty with the same total, never an error; a size above the maximum is refused with a
 * 400 problem ({@code validation-failed}, in Chinese).
 */
public final class PaginationContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a GET answered: its status and body. */
    public record Answer(int status, String body) {
    }

    private PaginationContract() {
    }

    /**
     * Checks the contract on {@code path} (which may already carry a query string).
     *
     * @param get         performs a GET of a path and query as the user who reads the list
     * @param idField     the field of an item that identifies it
     * @param maxSize     the largest size the route accepts
     * @param atLeast     how many items the list is known to hold at least (so that the walk covers several pages)
     * @return the ids in the order the pages gave them
     */
    public static List<String> check(Function<String, Answer> get, String path, String idField, int maxSize, int atLeast) {
        String separator = path.contains("?") ? "&" : "?";
        JsonNode first = page(get, path + separator + "page=0&size=" + maxSize);
        long total = first.path("total").asLong();
        assertThat(total).as("total of %s", path).isGreaterThanOrEqualTo(atLeast);
        assertThat(first.path("size").asInt()).isEqualTo(maxSize);

        int size = Math.max(1, atLeast / 3);
        List<String> walked = new ArrayList<>();
        int pages = (int) ((total + size - 1) / size);
        for (int page = 0; page < pages; page++) {
            JsonNode answer = page(get, path + separator + "page=" + page + "&size=" + size);
            assertThat(answer.path("page").asInt()).isEqualTo(page);
            assertThat(answer.path("size").asInt()).isEqualTo(size);
            assertThat(answer.path("total").asLong()).as("total of %s on page %d", path, page).isEqualTo(total);
            assertThat(answer.path("items").size()).as("items on page %d of %s", page, path)
                    .isEqualTo((int) Math.min(size, total - (long) page * size));
            answer.path("items").forEach(item -> walked.add(item.path(idField).asString()));
        }
        Set<String> distinct = new HashSet<>(walked);
        assertThat(distinct).as("pages of %s overlap", path).hasSize(walked.size());
        assertThat(walked).as("pages of %s hold every item", path).hasSize((int) total);

        JsonNode beyond = page(get, path + separator + "page=" + (pages + 3) + "&size=" + size);
        assertThat(beyond.path("items").isArray()).isTrue();
        assertThat(beyond.path("items").size()).as("a page beyond the end of %s is empty", path).isZero();
        assertThat(beyond.path("total").asLong()).isEqualTo(total);

        Answer tooLarge = get.apply(path + separator + "size=" + (maxSize + 1));
        assertThat(tooLarge.status()).as("size %d on %s", maxSize + 1, path).isEqualTo(400);
        JsonNode problem = JSON.readTree(tooLarge.body());
        assertThat(problem.path("type").asString()).endsWith("validation-failed");
        assertThat(problem.path("detail").asString()).containsPattern("\\p{IsHan}");
        assertThat(get.apply(path + separator + "page=-1").status()).as("page -1 on %s", path).isEqualTo(400);
        return walked;
    }

    /**
     * A list's order ends with a unique key, so that equal values in the earlier keys never let two pages overlap or
     * skip a row. The walk in {@link #check} cannot show this on the embedded wire server, which sorts ties in
     * insertion order every time; real MongoDB gives no such promise.
     */
    public static void assertEndsWithUniqueKey(Sort sort, String... uniqueKeys) {
        List<Sort.Order> orders = sort.toList();
        assertThat(orders).as("the order %s", sort).isNotEmpty();
        assertThat(orders.get(orders.size() - 1).getProperty()).as("the last key of %s", sort).isIn((Object[]) uniqueKeys);
    }

    private static JsonNode page(Function<String, Answer> get, String pathAndQuery) {
        Answer answer = get.apply(pathAndQuery);
        assertThat(answer.status()).as("GET %s: %s", pathAndQuery, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}
