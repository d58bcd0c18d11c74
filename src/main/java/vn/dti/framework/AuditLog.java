package vn.dti.framework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The append-only audit log (the database refuses updates and deletes): who did what to which subject, when, with
 * the state before and after as JSON. Written in the caller's transaction, so an action and its record stand or fall
 * together.
 */
@Service
public class AuditLog {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    AuditLog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Entry(long id, Instant at, String actor, String action, String subjectType, String subjectId,
                        String before, String after) {
    }

    public void record(Instant at, String actor, String action, String subjectType, String subjectId, Object before,
                       Object after) {
        jdbc.update("insert into audit_log (at, actor, action, subject_type, subject_id, before, after)"
                        + " values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))",
                Timestamp.from(at), actor, action, subjectType, subjectId, toJson(before), toJson(after));
    }

    /** What one action did to one subject, among several recorded at once. */
    public record Change(String subjectId, Object before, Object after) {
    }

    /** One action's changes to several subjects, a record each, sent to the database in one batch. */
    public void recordAll(Instant at, String actor, String action, String subjectType, List<Change> changes) {
        jdbc.batchUpdate("insert into audit_log (at, actor, action, subject_type, subject_id, before, after)"
                        + " values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))",
                changes.stream().map(change -> new Object[]{Timestamp.from(at), actor, action, subjectType,
                        change.subjectId(), toJson(change.before()), toJson(change.after())}).toList());
    }

    public List<Entry> entries(String subjectType, String subjectId) {
        return jdbc.query("select id, at, actor, action, subject_type, subject_id, before::text, after::text"
                        + " from audit_log where subject_type = ? and subject_id = ? order by id",
                (rs, row) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                subjectType, subjectId);
    }

    private String toJson(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
