package org.gongkai.catalogue.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gongkai.catalogue.seed.StandardCatalogueSeeder;
import org.gongkai.catalogue.version.CatalogueService;
import org.gongkai.catalogue.version.CatalogueVersion;
import org.gongkai.support.domain.DomainException;
import org.gongkai.support.domain.Actor;
import org.springframework.stereotype.Service;

/** The office's official table read into a new draft of a catalogue ({@link TableImport} checks every row). */
@Service
public class TableImportService {

    private final CatalogueService catalogues;
    private final Clock clock;
    private final Map<String, String> phrasings;

    TableImportService(CatalogueService catalogues, Clock clock) {
        this.catalogues = catalogues;
        this.clock = clock;
        try {
            this.phrasings = StandardCatalogueSeeder.timeLimitPhrasings();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the office's official table into a new draft; a single rejected row rejects the whole import. */
    public ImportReport importTable(String catalogue, String filename, byte[] content, Actor actor) {
        CatalogueService.requireOffice(actor);
        if (catalogues.draft(catalogue).isPresent()) {
            throw DomainException.conflict("draft-already-open",
                    "目录“" + catalogue + "”已有未发布的草稿版本，请先发布或放弃该草稿，再导入目录表。");
        }
        CatalogueVersion current = catalogues.published(catalogue);
        TableImport.Result result = TableImport.interpret(OfficialTable.read(filename, content), current, phrasings);
        if (!result.accepted()) {
            throw DomainException.invalid("import-rejected", "目录表未导入：共 " + result.rows().size() + " 行，其中 "
                    + result.rows().stream().filter(r -> r.outcome() == TableImport.Outcome.REJECTED).count()
                    + " 行未通过检查，详见各行说明（rows）。")
                    .with("rows", result.rows());
        }
        CatalogueVersion draft = CatalogueVersion.draftFrom(current, current.version() + 1, actor, now());
        draft.replaceItems(result.items(), actor, now(), "由文件“" + filename + "”导入");
        catalogues.insertDraft(draft);
        return new ImportReport(catalogue, result.rows().size(), draft.version(), result.rows());
    }

    public record ImportReport(String catalogue, int rowsRead, int draftVersion,
            List<TableImport.RowResult> rows) {
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
