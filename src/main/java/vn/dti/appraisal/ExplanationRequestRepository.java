package vn.dti.appraisal;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface ExplanationRequestRepository extends JpaRepository<ExplanationRequest, Long> {

    Optional<ExplanationRequest> findByJobEpochAndJobKey(long jobEpoch, long jobKey);

    List<ExplanationRequest> findByAssessmentIdOrderById(long assessmentId);

    List<ExplanationRequest> findByAssessmentIdInOrderById(Collection<Long> assessmentIds);
}
