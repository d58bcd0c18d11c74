package vn.dti.assessment;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface AssessmentItemRepository extends JpaRepository<AssessmentItem, AssessmentItem.Key> {

    List<AssessmentItem> findByAssessmentId(long assessmentId);

    List<AssessmentItem> findByAssessmentIdIn(List<Long> assessmentIds);
}
