package org.gongkai.support.web;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.gongkai.support.domain.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Table downloads: every export is offered as XLSX or CSV, named for the file a user saves. */
public final class Downloads {

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private Downloads() {
    }

    /** Builds only the format asked for; any other format is a client error. */
    public static ResponseEntity<byte[]> table(String name, String format, Supplier<byte[]> xlsx, Supplier<byte[]> csv) {
        boolean isCsv = switch (format) {
            case "xlsx" -> false;
            case "csv" -> true;
            default -> throw DomainException.invalid("unknown-export-format", "导出格式只能是 xlsx 或 csv。");
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + "." + format).build().toString())
                .contentType(isCsv ? CSV : XLSX)
                .body(isCsv ? csv.get() : xlsx.get());
    }
}
