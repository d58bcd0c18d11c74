package vn.dti.assessment;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface AssessmentItemRepository extends JpaRepository<AssessmentItem, AssessmentItem.Key> {

    List<AssessmentItem> findByAssessmentId(long assessmentId);

    Optional<AssessmentItem> findByAssessmentIdAndItemCode(long assessmentId, String itemCode);

    List<AssessmentItem> findByAssessmentIdIn(List<Long> assessmentIds);
}
