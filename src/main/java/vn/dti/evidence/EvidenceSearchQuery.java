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
 * so "chuyen doi so" finds "chuyển đổi số".
 *
 * <p>Checking a file reads its whole vector, some 15 µs a file, and ranking it more (ts_rank weighs every pair of
 * positions of the query's words): ranking every match of a word that nearly every document of a province's evidence
 * contains ("chuyển đổi số") took seconds at 100 000 files. So only the
 * {@value #RANK_WINDOW} most recently attached matching links the caller may see are ranked; a query with fewer
 * matches is ranked whole and its total is exact. They are found by walking the links newest first through those the
 * caller may see, reading a file's vector only for them, and stopping at the window; or, for rare words, through the
 * GIN index: the planner chooses from the query's own words, so every statement is planned for its values
 * ({@code plan_cache_mode}), never from a generic plan that does not know them. Filters are added only when given.
 */
@Repository
class EvidenceSearchQuery {

    /** The most recently attached matching links ranked by relevance; pages end there. */
    static final int RANK_WINDOW = 500;
    private static final String QUERY = "websearch_to_tsquery('simple', dti_unaccent(lower(:q)))";

    private final NamedParameterJdbcTemplate jdbc;

    EvidenceSearchQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param unitCodes the units whose evidence may be returned: never empty (the caller sees some unit, or does not
     *                  search)
     */
    record Criteria(String text, Collection<String> unitCodes, Long cycleId, Integer year, String itemCode,
                    String kind, int page, int size) {
    }

    record Row(String sha256, long assessmentId, double rank) {
    }

    /** @param totalExact false when more links matched than the window holds: {@code total} counts the window's hits */
    record Page(List<Row> rows, long total, boolean totalExact) {
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

    /**
     * One page of hits, best first (ties: the most recently attached first, then a fixed order, so that pages do not
     * overlap), and
     * how many there are. Runs in the caller's transaction, whose plans it makes custom.
     */
    Page search(Criteria criteria) {
        jdbc.getJdbcTemplate().execute("set local plan_cache_mode = force_custom_plan");
        List<Counted> rows = jdbc.query(pageSql(criteria), pageParameters(criteria),
                (rs, n) -> new Counted(new Row(rs.getString("sha256"), rs.getLong("assessment_id"),
                        rs.getDouble("rank")), rs.getLong("total"), rs.getBoolean("more")));
        if (rows.isEmpty() && criteria.page() > 0) {
            // past the last page the window function has no row to report the total on
            return jdbc.queryForObject(windowed(criteria) + " select (select count(*) from hits) as total,"
                            + " (select count(*) from candidates) > :window as more", parameters(criteria),
                    (rs, n) -> new Page(List.of(), rs.getLong("total"), !rs.getBoolean("more")));
        }
        return rows.isEmpty() ? new Page(List.of(), 0, true)
                : new Page(rows.stream().map(Counted::row).toList(), rows.getFirst().total(), !rows.getFirst().more());
    }

    private record Counted(Row row, long total, boolean more) {
    }

    /** The statement {@link #search} runs for a page, with {@link #pageParameters}: the benchmark explains it. */
    String pageSql(Criteria criteria) {
        return windowed(criteria) + " select h.sha256, h.assessment_id, h.rank, count(*) over () as total,"
                + " (select count(*) from candidates) > :window as more from hits h"
                + " order by h.rank desc, h.newest desc, h.sha256, h.assessment_id limit :limit offset :offset";
    }

    MapSqlParameterSource pageParameters(Criteria criteria) {
        return parameters(criteria).addValue("limit", criteria.size())
                .addValue("offset", (long) criteria.page() * criteria.size());
    }

    /**
     * {@code candidates}: the newest matching links the caller may see, one more than the window (to tell whether
     * there are more), every filter applied before the window is counted; {@code hits}: the window's files with each
     * assessment of theirs, ranked.
     */
    private static String windowed(Criteria criteria) {
        return "with candidates as (select l.id, l.sha256, l.assessment_id,"
                + " row_number() over (order by l.id desc) as position"
                + " from evidence_link l join assessment a on a.id = l.assessment_id"
                // a join of its own, so that a file's vector is read only when the file is of the kind asked for;
                // "quyet dinh" names the kind "Quyết định" as the search itself would
                + (criteria.kind() == null ? ""
                : " join evidence_file k on k.sha256 = l.sha256 and k.doc_kind_key = dti_unaccent(lower(:kind))")
                + " join evidence_file f on f.sha256 = l.sha256"
                + " where a.unit_code in (:units)"
                + (criteria.cycleId() == null ? "" : " and a.cycle_id = :cycle")
                + (criteria.year() == null ? "" : " and a.cycle_id in (select y.id from cycle y where y.year = :year)")
                + (criteria.itemCode() == null ? "" : " and l.item_code = :item")
                + " and f.status = 'INDEXED' and f.search @@ " + QUERY
                + " order by l.id desc limit :window + 1),"
                // ranked one file at a time, by its key: only the window's vectors are read
                + " hits as (select w.sha256, w.assessment_id, w.newest, (select ts_rank(f.search, " + QUERY + ")"
                + " from evidence_file f where f.sha256 = w.sha256) as rank"
                + " from (select c.sha256, c.assessment_id, max(c.id) as newest from candidates c"
                + " where c.position <= :window group by c.sha256, c.assessment_id) w)";
    }

    private static MapSqlParameterSource parameters(Criteria criteria) {
        return new MapSqlParameterSource("q", criteria.text())
                .addValue("units", criteria.unitCodes())
                .addValue("cycle", criteria.cycleId())
                .addValue("year", criteria.year())
                .addValue("item", criteria.itemCode())
                .addValue("kind", criteria.kind())
                .addValue("window", RANK_WINDOW);
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
