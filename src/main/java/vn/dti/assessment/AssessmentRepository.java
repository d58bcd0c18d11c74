package vn.dti.assessment;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface AssessmentRepository extends JpaRepository<Assessment, Long> {

    List<Assessment> findByCycleIdOrderById(long cycleId);

    Optional<Assessment> findByCycleIdAndUnitCode(long cycleId, String unitCode);

    List<Assessment> findByUnitCodeOrderByIdDesc(String unitCode);

    /** The assessment, its row locked till the commit: saves of one assessment's entries follow each other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Assessment a where a.id = :id")
    Optional<Assessment> findForUpdate(long id);
}
