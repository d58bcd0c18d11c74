package vn.dti.calendar;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface UnitDeadlineRepository extends JpaRepository<UnitDeadline, Long> {

    List<UnitDeadline> findByCycleId(long cycleId);

    Optional<UnitDeadline> findByCycleIdAndUnitCode(long cycleId, String unitCode);
}
