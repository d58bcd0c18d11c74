package vn.dti.evidence;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cycles, assessments, evidence files and links written straight into the tables, as the intake and the cycle's
 * process would leave them. Each test takes a year of its own, long past, so that its cycles meet no other test's.
 */
final class EvidenceRows {

    private static final AtomicInteger YEARS = new AtomicInteger(1990);

    private final JdbcTemplate jdbc;

    EvidenceRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static int freshYear() {
        return YEARS.getAndIncrement();
    }

    /** {@code group}: SO or HUYEN, or the huyện whose xã the cycle ranks. */
    long cycle(String province, int year, String level, String group, String indicatorSet) {
        String scope = level.equals("XA") ? group : province;
        return jdbc.queryForObject("insert into cycle (province_code, year, level, group_code, indicator_set_id,"
                        + " council_group, approver_group, status, step, started_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, 'SELF_ASSESSMENT', 'unit-assessments', now()) returning id",
                Long.class, province, year, level, group, indicatorSet, "council:" + scope, "chairman:" + scope);
    }

    long assessment(long cycleId, String unit, String indicatorSet) {
        return jdbc.queryForObject("insert into assessment (cycle_id, unit_code, indicator_set_id, status)"
                + " values (?, ?, ?, 'OPEN') returning id", Long.class, cycleId, unit, indicatorSet);
    }

    /** A file with content of its own; returns its SHA-256. */
    String file(String status, String title, String text, String kind, String number, LocalDate date) {
        String sha256 = sha256(UUID.randomUUID() + title + text);
        jdbc.update("insert into evidence_file (sha256, size_bytes, media_type, status, title, text, doc_kind,"
                        + " doc_number, doc_date, stored_at, indexed_at)"
                        + " values (?, ?, 'application/pdf', ?, ?, ?, ?, ?, ?, now(), now())",
                sha256, text.length(), status, title, text, kind, number,
                date == null ? null : Date.valueOf(date));
        return sha256;
    }

    String indexed(String title, String text, String kind, String number, LocalDate date) {
        return file("INDEXED", title, text, kind, number, date);
    }

    void link(String sha256, long assessmentId, String item, String fileName) {
        jdbc.update("insert into evidence_link (sha256, assessment_id, item_code, file_name, uploaded_by, uploaded_at)"
                + " values (?, ?, ?, ?, 'thu-nghiem', ?)", sha256, assessmentId, item, fileName,
                Timestamp.from(Instant.now()));
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
