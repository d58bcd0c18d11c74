package vn.dti.calendar;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface StoredCalendarChangeRepository extends JpaRepository<StoredCalendarChange, Long> {

    List<StoredCalendarChange> findByCycleIdOrderById(long cycleId);
}
