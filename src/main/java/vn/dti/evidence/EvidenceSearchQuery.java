package vn.dti.evidence;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The full-text search in SQL. A hit is one indexed file as one unit's assessment uses it: the same file in two
 * units' evidence is two hits, each seen only by who may see that unit. The query is folded as the stored
 * {@code search} vector was ({@code dti_unaccent(lower(…))}, configuration {@code simple}: no stemming, no stop words),
 * so "chuyen doi so" finds "chuyển đổi số". Filters are added to the SQL only when given, so that each combination
 * gets a plan of its own rather than one generic plan for all.
 */
@Repository
class EvidenceSearchQuery {

    private static final String QUERY = "websearch_to_tsquery('simple', dti_unaccent(lower(:q)))";

    private final NamedParameterJdbcTemplate jdbc;

    EvidenceSearchQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param unitCodes the units whose evidence may be returned: never empty (the caller sees some unit, or does not
     *                  search)
     */
    record Criteria(String text, Collection<String> unitCodes, Long cycleId, String itemCode, String kind, int page,
                    int size) {
    }

    record Row(String sha256, long assessmentId, double rank) {
    }

    record Page(List<Row> rows, long total) {
    }

    record FileDetail(String sha256, String title, String text, String kind, String number, LocalDate date) {
    }

    record LinkDetail(String sha256, long assessmentId, String itemCode, String fileName, String unitCode,
                      long cycleId, int year) {
    }

    /** The query as PostgreSQL reads it, e.g. {@code 'chuyen' <-> 'doi' <-> 'so'}; empty when it has no word. */
    String tsquery(String text) {
        return jdbc.queryForObject("select " + QUERY + "::text", new MapSqlParameterSource("q", text), String.class);
    }

    /** One page of hits, best first (ties in a fixed order, so that pages do not overlap), and how many there are. */
    Page search(Criteria criteria) {
        MapSqlParameterSource parameters = parameters(criteria)
                .addValue("limit", criteria.size())
                .addValue("offset", (long) criteria.page() * criteria.size());
        List<Counted> rows = jdbc.query(hits(criteria, "h.sha256, h.assessment_id, ts_rank(f.search, query.tsq) as rank,"
                        + " count(*) over () as total")
                        + " order by rank desc, h.sha256, h.assessment_id limit :limit offset :offset", parameters,
                (rs, n) -> new Counted(new Row(rs.getString("sha256"), rs.getLong("assessment_id"),
                        rs.getDouble("rank")), rs.getLong("total")));
        if (rows.isEmpty()) {
            // past the last page the window function has no row to report the total on
            long total = criteria.page() == 0 ? 0
                    : jdbc.queryForObject(hits(criteria, "count(*)"), parameters(criteria), Long.class);
            return new Page(List.of(), total);
        }
        return new Page(rows.stream().map(Counted::row).toList(), rows.getFirst().total());
    }

    private record Counted(Row row, long total) {
    }

    private static String hits(Criteria criteria, String select) {
        StringBuilder sql = new StringBuilder("with query as (select " + QUERY + " as tsq),"
                + " hits as (select distinct l.sha256, l.assessment_id from evidence_link l"
                + " join assessment a on a.id = l.assessment_id where a.unit_code in (:units)");
        if (criteria.cycleId() != null) {
            sql.append(" and a.cycle_id = :cycle");
        }
        if (criteria.itemCode() != null) {
            sql.append(" and l.item_code = :item");
        }
        sql.append(") select ").append(select).append(" from hits h join evidence_file f on f.sha256 = h.sha256")
                .append(" cross join query where f.status = 'INDEXED' and f.search @@ query.tsq");
        if (criteria.kind() != null) {
            // "quyet dinh" names the kind "Quyết định" as the search itself would
            sql.append(" and dti_unaccent(lower(f.doc_kind)) = dti_unaccent(lower(:kind))");
        }
        return sql.toString();
    }

    private static MapSqlParameterSource parameters(Criteria criteria) {
        return new MapSqlParameterSource("q", criteria.text())
                .addValue("units", criteria.unitCodes())
                .addValue("cycle", criteria.cycleId())
                .addValue("item", criteria.itemCode())
                .addValue("kind", criteria.kind());
    }

    List<FileDetail> files(Collection<String> sha256s) {
        return jdbc.query("select sha256, title, text, doc_kind, doc_number, doc_date from evidence_file"
                        + " where sha256 in (:shas)", new MapSqlParameterSource("shas", sha256s),
                (rs, n) -> new FileDetail(rs.getString("sha256"), rs.getString("title"), rs.getString("text"),
                        rs.getString("doc_kind"), rs.getString("doc_number"),
                        rs.getObject("doc_date", LocalDate.class)));
    }

    /** The links of these files by these assessments (a superset of the hits' pairs; the caller keeps its own). */
    List<LinkDetail> links(Collection<String> sha256s, Collection<Long> assessmentIds) {
        return jdbc.query("select l.sha256, l.assessment_id, l.item_code, l.file_name, a.unit_code, a.cycle_id, c.year"
                        + " from evidence_link l join assessment a on a.id = l.assessment_id"
                        + " join cycle c on c.id = a.cycle_id"
                        + " where l.sha256 in (:shas) and l.assessment_id in (:assessments)",
                new MapSqlParameterSource("shas", sha256s).addValue("assessments", assessmentIds),
                (rs, n) -> new LinkDetail(rs.getString("sha256"), rs.getLong("assessment_id"),
                        rs.getString("item_code"), rs.getString("file_name"), rs.getString("unit_code"),
                        rs.getLong("cycle_id"), rs.getInt("year")));
    }

    boolean cycleExists(long cycleId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from cycle where id = :id)",
                new MapSqlParameterSource("id", cycleId), Boolean.class));
    }
}
