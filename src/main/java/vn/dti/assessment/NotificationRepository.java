package vn.dti.assessment;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByAssessmentIdOrderById(long assessmentId);

    /** Returns 0 when the same notice (assessment, kind, due time) exists: a job delivered twice notifies once. */
    @Modifying
    @Query(value = "insert into notification (assessment_id, kind, message, due_at, created_at)"
            + " values (?1, ?2, ?3, ?4, ?5) on conflict (assessment_id, kind, due_at) do nothing", nativeQuery = true)
    int insertOnce(long assessmentId, String kind, String message, Instant dueAt, Instant createdAt);
}
