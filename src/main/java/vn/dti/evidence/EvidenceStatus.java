package vn.dti.evidence;

enum EvidenceStatus {
    /** Stored with its text; the indexing job has yet to read its header (and OCR a scan). */
    PENDING,
    INDEXED,
    /** The indexing job's last retry failed: an incident, with the reason in {@code failure}. */
    FAILED
}
