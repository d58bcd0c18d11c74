package vn.dti.evidence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * An upload starts its files' indexing process inside the transaction that stores them, so that the engine answers
 * while the rest is written, and a start it refuses stores nothing. The job can then arrive before that transaction
 * has ended, when the files are not visible to it yet. The upload holds a PostgreSQL transaction-level advisory lock,
 * named after its first file to index, until it commits or rolls back; the job takes the same lock first, and so reads
 * the files once the upload has ended.
 */
@Component
class EvidenceUploadLock {

    /** The first key of the two-key advisory locks: which kind of thing is locked ("DTIE"). */
    private static final int UPLOAD = 0x44544945;

    private final JdbcTemplate jdbc;

    EvidenceUploadLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Held by the uploading transaction until it ends. */
    void hold(List<String> toIndex) {
        lock("pg_advisory_xact_lock", toIndex);
    }

    /** Returns once no upload of these files is in progress. */
    void awaitUpload(List<String> toIndex) {
        lock("pg_advisory_xact_lock_shared", toIndex);
    }

    private void lock(String function, List<String> toIndex) {
        // Two uploads whose keys meet only wait for each other a moment longer.
        int key = Integer.parseUnsignedInt(toIndex.getFirst().substring(0, 8), 16);
        jdbc.query("select " + function + "(?, ?)", rs -> null, UPLOAD, key);
    }
}
