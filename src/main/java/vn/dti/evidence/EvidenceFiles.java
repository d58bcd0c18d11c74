package vn.dti.evidence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.dti.evidence.EvidenceExtractor.Extraction;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of stored files and their links to items, in plain SQL: an upload writes a request's rows and links in
 * batches and reads back only what it did not write itself, and the indexing job updates only the columns it changes.
 */
@Repository
class EvidenceFiles {

    /** A file of a request, linked under the name it was uploaded with. */
    record Named(String sha256, String name) {
    }

    /** What the uploader is told of a file stored already. */
    record Summary(String mediaType, long size, EvidenceStatus status) {
    }

    /** What the indexing job reads of a file. */
    record ToIndex(EvidenceStatus status, boolean noText, String mediaType, String text) {
    }

    private final JdbcTemplate jdbc;

    EvidenceFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A file read at upload, for its row. */
    record Read(String sha256, long size, Extraction extraction) {
    }

    /**
     * The files' rows, in one batch; returns the files whose rows it inserted. A file whose content is stored
     * already, by an earlier request or a concurrent one, is kept once.
     */
    Set<String> insertPending(List<Read> files, Instant storedAt) {
        int[] counts = jdbc.batchUpdate("insert into evidence_file (sha256, size_bytes, media_type, status, no_text,"
                        + " title, author, created, page_count, text, stored_at)"
                        + " values (?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?) on conflict (sha256) do nothing",
                files.stream().map(file -> new Object[]{file.sha256(), file.size(), file.extraction().mediaType(),
                        file.extraction().noText(), file.extraction().title(), file.extraction().author(),
                        timestamp(file.extraction().created()), file.extraction().pageCount(),
                        file.extraction().text(), timestamp(storedAt)}).toList());
        Set<String> inserted = new HashSet<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                inserted.add(files.get(i).sha256());
            }
        }
        return inserted;
    }

    /** Every file linked to every item, once: uploading a file again for the same item links nothing more. */
    void linkOnce(long assessmentId, List<String> items, List<Named> files, String by, Instant at) {
        List<Object[]> links = new ArrayList<>();
        for (Named file : files) {
            for (String item : items) {
                links.add(new Object[]{file.sha256(), assessmentId, item, file.name(), by, timestamp(at)});
            }
        }
        jdbc.batchUpdate("insert into evidence_link (sha256, assessment_id, item_code, file_name, uploaded_by,"
                + " uploaded_at) values (?, ?, ?, ?, ?, ?) on conflict (sha256, assessment_id, item_code) do nothing",
                links);
    }

    Map<String, Summary> summaries(Collection<String> sha256s) {
        Map<String, Summary> found = new HashMap<>();
        if (!sha256s.isEmpty()) {
            jdbc.query("select sha256, media_type, size_bytes, status from evidence_file where sha256 = any (?)",
                    row -> {
                        found.put(row.getString(1), new Summary(row.getString(2), row.getLong(3),
                                EvidenceStatus.valueOf(row.getString(4))));
                    }, (Object) sha256s.toArray(String[]::new));
        }
        return found;
    }

    /** Those of the files already linked to one of the assessments. */
    Set<String> linkedTo(Collection<String> sha256s, Collection<Long> assessmentIds) {
        if (sha256s.isEmpty() || assessmentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("select distinct sha256 from evidence_link where sha256 = any (?)"
                        + " and assessment_id = any (?)", String.class, sha256s.toArray(String[]::new),
                assessmentIds.toArray(Long[]::new)));
    }

    Map<String, ToIndex> toIndex(List<String> sha256s) {
        Map<String, ToIndex> found = new HashMap<>();
        jdbc.query("select sha256, status, no_text, media_type, text from evidence_file where sha256 = any (?)",
                row -> {
                    found.put(row.getString(1), new ToIndex(EvidenceStatus.valueOf(row.getString(2)),
                            row.getBoolean(3), row.getString(4), row.getString(5)));
                }, (Object) sha256s.toArray(String[]::new));
        return found;
    }

    /*
     * The indexing job's updates name only the columns they change: the searchable column, generated from the text
     * and the title, is then not computed again.
     */

    /** Their headers read; a file indexed already is left as it is, so that a job delivered twice does no more. */
    void indexed(Map<String, DocumentHeader> headers, Instant at) {
        jdbc.batchUpdate("update evidence_file set status = 'INDEXED', doc_kind = ?, doc_number = ?, doc_date = ?,"
                        + " indexed_at = ?, failure = null where sha256 = ? and status <> 'INDEXED'",
                headers.entrySet().stream().map(file -> new Object[]{file.getValue().kind(), file.getValue().number(),
                        file.getValue().date(), timestamp(at), file.getKey()}).toList());
    }

    /** A scan that OCR read: it has text now, from OCR, and its header read from that text. */
    void indexedByOcr(String sha256, String text, DocumentHeader header, Instant at) {
        jdbc.update("update evidence_file set text = ?, no_text = false, ocr = true, status = 'INDEXED', doc_kind = ?,"
                        + " doc_number = ?, doc_date = ?, indexed_at = ?, failure = null"
                        + " where sha256 = ? and status <> 'INDEXED'",
                text, header.kind(), header.number(), header.date(), timestamp(at), sha256);
    }

    void failed(String sha256, String reason) {
        jdbc.update("update evidence_file set status = 'FAILED', failure = ? where sha256 = ?", reason, sha256);
    }

    List<String> pending() {
        return jdbc.queryForList("select sha256 from evidence_file where status = 'PENDING'", String.class);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
