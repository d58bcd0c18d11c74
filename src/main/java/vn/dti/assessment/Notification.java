package vn.dti.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

/** A notice to a unit (a reminder of its deadline), logged and kept: no mail server is needed. */
@Entity
public class Notification {

    @Id
    private Long id;
    @Column(name = "assessment_id")
    private long assessmentId;
    private String kind;
    private String message;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Notification() {
    }

    public String getKind() {
        return kind;
    }

    public String getMessage() {
        return message;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
