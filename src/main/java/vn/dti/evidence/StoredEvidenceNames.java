package vn.dti.evidence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dti.assessment.UploadedEvidence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

@Component
class StoredEvidenceNames implements UploadedEvidence {

    private final JdbcTemplate jdbc;

    StoredEvidenceNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Set<String>> fileNames(long assessmentId) {
        Map<String, Set<String>> names = new HashMap<>();
        jdbc.query("select item_code, file_name from evidence_link where assessment_id = ?",
                rs -> {
                    names.computeIfAbsent(rs.getString(1), code -> new HashSet<>()).add(rs.getString(2));
                }, assessmentId);
        return names;
    }
}
