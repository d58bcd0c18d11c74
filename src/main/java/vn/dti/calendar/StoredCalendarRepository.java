package vn.dti.calendar;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface StoredCalendarRepository extends JpaRepository<StoredCalendar, Long> {

    /** Changes to one calendar wait for each other, so each is checked against the dates the last one left. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from StoredCalendar c where c.cycleId = :cycleId")
    Optional<StoredCalendar> findForUpdate(long cycleId);
}
