package vn.dti.cycle;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface CycleDecisionRepository extends JpaRepository<CycleDecision, Long> {

    boolean existsByJobEpochAndJobKey(long jobEpoch, long jobKey);

    List<CycleDecision> findByCycleIdOrderById(long cycleId);
}
