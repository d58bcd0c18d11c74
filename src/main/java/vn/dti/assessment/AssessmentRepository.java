package vn.dti.assessment;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface AssessmentRepository extends JpaRepository<Assessment, Long> {

    List<Assessment> findByCycleIdOrderById(long cycleId);

    Optional<Assessment> findByCycleIdAndUnitCode(long cycleId, String unitCode);

    List<Assessment> findByUnitCodeOrderByIdDesc(String unitCode);
}
