package vn.dti.evidence;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;

interface EvidenceFileRepository extends JpaRepository<EvidenceFile, String> {

    /** Returns 0 when the same content is stored already, by this request or a concurrent one: it is kept once. */
    @Modifying
    @Query(value = "insert into evidence_file (sha256, size_bytes, media_type, status, no_text, title, author, created,"
            + " page_count, text, stored_at) values (?1, ?2, ?3, 'PENDING', ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
            + " on conflict (sha256) do nothing", nativeQuery = true)
    int insertPending(String sha256, long sizeBytes, String mediaType, boolean noText, String title, String author,
                      Instant created, Integer pageCount, String text, Instant storedAt);

    /** Returns 0 when the file already supports that item: uploading it again links it once. */
    @Modifying
    @Query(value = "insert into evidence_link (sha256, assessment_id, item_code, file_name, uploaded_by, uploaded_at)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (sha256, assessment_id, item_code) do nothing",
            nativeQuery = true)
    int linkOnce(String sha256, long assessmentId, String itemCode, String fileName, String uploadedBy,
                 Instant uploadedAt);

    @Query("select f.sha256 from EvidenceFile f where f.status = vn.dti.evidence.EvidenceStatus.PENDING")
    List<String> pending();
}
