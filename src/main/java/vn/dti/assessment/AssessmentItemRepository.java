package vn.dti.assessment;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface AssessmentItemRepository extends JpaRepository<AssessmentItem, AssessmentItem.Key> {

    List<AssessmentItem> findByAssessmentId(long assessmentId);

    Optional<AssessmentItem> findByAssessmentIdAndItemCode(long assessmentId, String itemCode);

    List<AssessmentItem> findByAssessmentIdIn(List<Long> assessmentIds);

    /*
     * An item's evidence names are appended in the database: an item with many files is not read into the application
     * and written back whole at each upload.
     */

    @Modifying
    @Query(value = "insert into assessment_item (assessment_id, item_code) values (:assessmentId, :itemCode)"
            + " on conflict do nothing", nativeQuery = true)
    void insertIfMissing(long assessmentId, String itemCode);

    /** The items, their rows locked till the commit (an evidence upload's names wait, and are not overwritten). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from AssessmentItem i where i.assessmentId = :assessmentId and i.itemCode in :itemCodes"
            + " order by i.itemCode")
    List<AssessmentItem> findForUpdate(long assessmentId, Collection<String> itemCodes);

    /** Of the names, in their order, those the item does not list yet; the item's row stays locked till the commit. */
    @Query(value = "select n.name from assessment_item a, unnest(cast(:names as text[])) with ordinality as n(name, i)"
            + " where a.assessment_id = :assessmentId and a.item_code = :itemCode"
            + " and not jsonb_exists(a.evidence, n.name) order by n.i for update of a", nativeQuery = true)
    List<String> evidenceNotListed(long assessmentId, String itemCode, String[] names);

    @Modifying
    @Query(value = "update assessment_item set evidence = evidence || to_jsonb(cast(:names as text[]))"
            + " where assessment_id = :assessmentId and item_code = :itemCode", nativeQuery = true)
    void appendEvidence(long assessmentId, String itemCode, String[] names);
}
