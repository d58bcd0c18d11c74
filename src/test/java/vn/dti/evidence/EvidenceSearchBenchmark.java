package vn.dti.evidence;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.dti.DtiPlatformApplication;
import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSetCatalog;
import vn.dti.indicator.Level;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.unit.Unit;
import vn.dti.unit.UnitCatalog;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Search latency over a generated corpus of evidence. Run with
 * {@code ./mvnw -q -Pbenchmark test-compile exec:java -Dexec.mainClass=vn.dti.evidence.EvidenceSearchBenchmark}.
 *
 * <p>Starts the application on a throw-away embedded PostgreSQL, writes Vietnamese-like documents (decisions, plans,
 * reports, official letters, submissions; a few lines to some pages, one in twenty a long report) straight into
 * {@code evidence_file} as indexed and links them to Bắc Ninh's 25 units over three years ({@code evidence_link}),
 * in JDBC batches: first 10 000 files, then 90 000 more. At each size it runs a fixed mix of searches through
 * {@link EvidenceSearch} (the service behind {@code GET /api/evidence/search}: access, SQL, snippets; not HTTP), with
 * and without diacritics, phrases, a document number, filters, deep pages, as the province's council and as one
 * unit's officer; 10 warm-up rounds (the first size also warms the JVM), then 20 measured rounds; and prints p50 /
 * p95 / p99 per query and overall (a total with "+" is a query that matched more links than are ranked,
 * {@link EvidenceSearchQuery#RANK_WINDOW}: it counts the hits among those ranked), and
 * the plans of the broadest and of a rare query, to show which index each walks: the links newest first for the
 * first, the GIN index for the second. The corpus comes from a fixed-seed {@link Random}.
 * It prints figures and asserts nothing: the target (p95 under 100 ms) is reported, not enforced.
 *
 * <p>The other half of the benchmark, documents per second through the whole intake next to Tika alone,
 * belongs with the intake.
 */
public final class EvidenceSearchBenchmark {

    private static final int[] SIZES = {10_000, 100_000};
    private static final int BATCH = 1_000;
    private static final int WARM_UP_ROUNDS = 10;
    private static final int MEASURED_ROUNDS = 20;
    private static final long TARGET_P95_NANOS = 100_000_000L;
    private static final long SEED = 20231006L;
    private static final int[] YEARS = {2023, 2024, 2025};

    private EvidenceSearchBenchmark() {
    }

    private record Target(long assessmentId, String unitCode, List<String> items) {
    }

    private record Probe(String label, DtiUser user, EvidenceSearch.Request request) {
    }

    public static void main(String[] args) {
        Path data = Path.of(System.getProperty("java.io.tmpdir"), "dti-evidence-benchmark",
                UUID.randomUUID().toString());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DtiPlatformApplication.class)
                .logStartupInfo(false)
                .run("--server.port=0", "--dti.embedded-postgres.data-dir=" + data,
                        "--dti.embedded-postgres.temporary=true", "--logging.level.root=warn")) {
            run(app);
        }
        // the embedded engine leaves threads of its own behind the closed context, and exec:java would wait for them
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        EvidenceSearch search = app.getBean(EvidenceSearch.class);
        List<Unit> units = app.getBean(UnitCatalog.class).units("BN");
        IndicatorSetCatalog sets = app.getBean(IndicatorSetCatalog.class);

        List<Target> targets = new ArrayList<>();
        long latestSoCycle = 0;
        for (int year : YEARS) {
            for (Level level : List.of(Level.SO, Level.HUYEN)) {
                String setId = "BN-" + level + "-2023";
                List<String> leaves = sets.get(setId).orElseThrow().leaves().stream().map(IndicatorNode::code).toList();
                long cycle = jdbc.queryForObject("insert into cycle (province_code, year, level, group_code,"
                        + " indicator_set_id, council_group, approver_group, status, step, started_at)"
                        + " values ('BN', ?, ?, ?, ?, 'council:BN', 'chairman:BN', 'PUBLISHED', 'publish-results',"
                        + " now()) returning id", Long.class, year, level.name(), level.name(), setId);
                if (level == Level.SO) {
                    latestSoCycle = cycle;
                }
                for (Unit unit : units.stream().filter(u -> u.getLevel() == level).toList()) {
                    long assessment = jdbc.queryForObject("insert into assessment (cycle_id, unit_code,"
                            + " indicator_set_id, status) values (?, ?, ?, 'APPRAISED') returning id", Long.class,
                            cycle, unit.getCode(), setId);
                    targets.add(new Target(assessment, unit.getCode(), leaves));
                }
            }
        }

        DtiUser council = new DtiUser("hoidong.bn", Role.COUNCIL, "BN", "BN");
        DtiUser officer = new DtiUser("canbo.bn-s13", Role.UNIT_OFFICER, "BN-S13", "BN");
        List<Probe> probes = List.of(
                probe("council: chuyen doi so", council, "chuyen doi so", null, null, null, null, 0),
                probe("council: chuyển đổi số", council, "chuyển đổi số", null, null, null, null, 0),
                probe("council: an toan thong tin mang", council, "an toan thong tin mang", null, null, null, null, 0),
                probe("council: \"dịch vụ công trực tuyến\"", council, "\"dịch vụ công trực tuyến\"", null, null, null,
                        null, 0),
                probe("council: camera giám sát", council, "camera giám sát", null, null, null, null, 0),
                probe("council: mô hình chợ 4.0 (rare)", council, "mô hình chợ 4.0", null, null, null, null, 0),
                probe("council: 1187/QĐ-UBND", council, "1187/QĐ-UBND", null, null, null, null, 0),
                probe("council: so hoa ho so, kind quyet dinh", council, "so hoa ho so", null, null, null,
                        "quyet dinh", 0),
                probe("council: chuyen doi so, latest Sở cycle", council, "chuyen doi so", latestSoCycle, null, null,
                        null, 0),
                probe("council: ky so, unit BN-H03, item 6.3", council, "ky so", null, "BN-H03", "6.3", null, 0),
                probe("council: chuyen doi so, page 20", council, "chuyen doi so", null, null, null, null, 20),
                probe("officer BN-S13: chuyen doi so", officer, "chuyen doi so", null, null, null, null, 0),
                probe("officer BN-S13: ke hoach -bao, page 2", officer, "ke hoach -bao", null, null, null, null, 2));

        // as autovacuum would have by then: the planner reads how many assessments each unit has
        jdbc.execute("analyze cycle");
        jdbc.execute("analyze assessment");
        Corpus corpus = new Corpus(new Random(SEED), targets);
        System.out.printf(Locale.ROOT, "Evidence search benchmark: %d units of Bắc Ninh × %d years, %d assessments;"
                        + " %d queries, %d warm-up and %d measured rounds; %d processors%n", units.size(), YEARS.length,
                targets.size(), probes.size(), WARM_UP_ROUNDS, MEASURED_ROUNDS,
                Runtime.getRuntime().availableProcessors());
        int stored = 0;
        for (int size : SIZES) {
            long started = System.nanoTime();
            long textBytes = corpus.store(jdbc, stored, size);
            jdbc.execute("vacuum analyze evidence_file");
            jdbc.execute("vacuum analyze evidence_link");
            Integer links = jdbc.queryForObject("select count(*) from evidence_link", Integer.class);
            System.out.printf(Locale.ROOT, "%n== %,d indexed files (%,d links, %,.0f MB of text); %,d written and"
                            + " analysed in %.1f s%n", size, links, textBytes / 1e6, size - stored,
                    (System.nanoTime() - started) / 1e9);
            stored = size;
            measure(search, probes);
            explain(app, units, probes.getFirst());
            explain(app, units, probes.stream().filter(probe -> probe.label().contains("rare")).findFirst()
                    .orElseThrow());
        }
    }

    private static Probe probe(String label, DtiUser user, String q, Long cycle, String unit, String item,
                               String kind, int page) {
        return new Probe(label, user, new EvidenceSearch.Request(q, null, cycle, null, unit, item, kind, page, 20));
    }

    private static void measure(EvidenceSearch search, List<Probe> probes) {
        long[][] nanos = new long[probes.size()][MEASURED_ROUNDS];
        String[] totals = new String[probes.size()];
        long checksum = 0;
        for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
            for (int p = 0; p < probes.size(); p++) {
                long started = System.nanoTime();
                EvidenceSearch.Result result = search.search(probes.get(p).request(), probes.get(p).user());
                long elapsed = System.nanoTime() - started;
                checksum += result.total() + result.hits().stream().mapToInt(hit -> hit.snippet().length()).sum();
                totals[p] = String.format(Locale.ROOT, "%,d%s", result.total(), result.totalExact() ? "" : "+");
                if (round >= WARM_UP_ROUNDS) {
                    nanos[p][round - WARM_UP_ROUNDS] = elapsed;
                }
            }
        }
        System.out.printf("%-46s %9s %8s %8s %8s%n", "query", "hits", "p50 ms", "p95 ms", "p99 ms");
        long[] all = new long[probes.size() * MEASURED_ROUNDS];
        for (int p = 0; p < probes.size(); p++) {
            Arrays.sort(nanos[p]);
            System.arraycopy(nanos[p], 0, all, p * MEASURED_ROUNDS, MEASURED_ROUNDS);
            System.out.printf(Locale.ROOT, "%-46s %9s %8.1f %8.1f %8.1f%n", probes.get(p).label(), totals[p],
                    millis(percentile(nanos[p], 50)), millis(percentile(nanos[p], 95)),
                    millis(percentile(nanos[p], 99)));
        }
        Arrays.sort(all);
        long p95 = percentile(all, 95);
        System.out.printf(Locale.ROOT, "%-46s %9s %8.1f %8.1f %8.1f%n", "all " + all.length + " searches", "",
                millis(percentile(all, 50)), millis(p95), millis(percentile(all, 99)));
        System.out.printf(Locale.ROOT, "target p95 < 100 ms: %s (checksum %d)%n",
                p95 < TARGET_P95_NANOS ? "met" : "MISSED", checksum);
    }

    /** The plan of the page statement the search runs, for the council's broadest query (every unit it sees). */
    private static void explain(ConfigurableApplicationContext app, List<Unit> units, Probe probe) {
        EvidenceSearchQuery query = app.getBean(EvidenceSearchQuery.class);
        var criteria = new EvidenceSearchQuery.Criteria(probe.request().q(), units.stream().map(Unit::getCode).toList(),
                null, null, null, null, 0, 20);
        List<String> plan = app.getBean(NamedParameterJdbcTemplate.class).queryForList(
                "explain (analyze, buffers) " + query.pageSql(criteria), query.pageParameters(criteria), String.class);
        System.out.println("plan of \"" + probe.label() + "\": GIN index evidence_file_search "
                + (plan.stream().anyMatch(line -> line.contains("evidence_file_search")) ? "used" : "not used")
                + ", links walked newest first (Index Scan Backward using evidence_link_pkey) "
                + (plan.stream().anyMatch(line -> line.contains("Backward using evidence_link_pkey")) ? "yes" : "no"));
        plan.forEach(line -> System.out.println("  " + line));
    }

    /** Nearest rank on sorted values. */
    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** Vietnamese-like official documents about the province's digital transformation. */
    private static final class Corpus {

        private static final String[] KINDS = {"Quyết định", "Kế hoạch", "Báo cáo", "Công văn", "Tờ trình"};
        private static final String[] SIGNS = {"QĐ-UBND", "KH-UBND", "BC-UBND", "STTTT-CĐS", "TTr-UBND"};
        private static final String[] AGENTS = {"Ủy ban nhân dân", "Sở Thông tin và Truyền thông",
                "Ban Chỉ đạo chuyển đổi số", "Văn phòng", "Phòng Văn hóa và Thông tin",
                "Trung tâm Phục vụ hành chính công", "Bộ phận một cửa", "Tổ công nghệ số cộng đồng",
                "Phòng Nội vụ", "Đoàn Thanh niên"};
        private static final String[] ACTIONS = {"triển khai", "ban hành", "tổ chức", "đôn đốc thực hiện",
                "báo cáo kết quả", "kiểm tra", "hướng dẫn", "phê duyệt", "tập huấn về", "số hóa",
                "đánh giá", "rà soát", "tuyên truyền về", "bố trí kinh phí cho"};
        private static final String[] SUBJECTS = {"kế hoạch chuyển đổi số", "dịch vụ công trực tuyến toàn trình",
                "hồ sơ thủ tục hành chính", "chữ ký số chuyên dùng", "an toàn thông tin mạng",
                "hệ thống thông tin", "nền tảng số dùng chung", "camera giám sát công cộng",
                "thanh toán không dùng tiền mặt", "cơ sở dữ liệu chuyên ngành", "mạng truyền số liệu chuyên dùng",
                "phản ánh kiến nghị của người dân", "văn bản điện tử", "hội nghị trực tuyến",
                "sàn thương mại điện tử", "tài khoản định danh điện tử VNeID", "kỹ năng số cho người dân",
                "biên lai điện tử", "phòng, chống mã độc", "cổng thông tin điện tử"};
        private static final String[] CIRCUMSTANCES = {"trên địa bàn tỉnh", "trong năm", "theo đúng thời hạn",
                "của cơ quan, đơn vị", "theo Quyết định số 1187/QĐ-UBND ngày 06/10/2023",
                "đạt tỷ lệ trên 90%", "tại các xã, phường, thị trấn", "theo Nghị định 42/2022/NĐ-CP",
                "cho cán bộ, công chức, viên chức", "đúng biểu mẫu quy định", "phục vụ người dân và doanh nghiệp"};

        private final Random random;
        private final List<Target> targets;

        Corpus(Random random, List<Target> targets) {
            this.random = random;
            this.targets = targets;
        }

        /** Files {@code from} to {@code to} (exclusive), each linked to one or two items of one or two units. */
        long store(JdbcTemplate jdbc, int from, int to) {
            long textBytes = 0;
            List<Object[]> files = new ArrayList<>();
            List<Object[]> links = new ArrayList<>();
            for (int n = from; n < to; n++) {
                int kind = random.nextInt(KINDS.length);
                int year = YEARS[random.nextInt(YEARS.length)];
                LocalDate date = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
                String number = (1 + random.nextInt(2000)) + "/" + SIGNS[kind];
                String title = KINDS[kind] + " " + pick(ACTIONS) + " " + pick(SUBJECTS);
                String text = text(kind, number, date, title);
                String sha256 = EvidenceRows.sha256(n + text);
                textBytes += text.length();
                files.add(new Object[] {sha256, (long) text.length() * 3, title, text, KINDS[kind], number,
                        Date.valueOf(date)});
                Target target = targets.get(random.nextInt(targets.size()));
                String fileName = "tai-lieu-" + n + ".pdf";
                links.add(new Object[] {sha256, target.assessmentId(), pick(target.items()), fileName});
                if (random.nextInt(10) == 0) {
                    links.add(new Object[] {sha256, target.assessmentId(), pick(target.items()), fileName});
                }
                if (random.nextInt(50) == 0) {
                    Target other = targets.get(random.nextInt(targets.size()));
                    links.add(new Object[] {sha256, other.assessmentId(), pick(other.items()),
                            "ban-sao-" + n + ".pdf"});
                }
                if (files.size() == BATCH) {
                    flush(jdbc, files, links);
                }
            }
            flush(jdbc, files, links);
            return jdbc.queryForObject("select sum(length(text)) from evidence_file", Long.class);
        }

        private static void flush(JdbcTemplate jdbc, List<Object[]> files, List<Object[]> links) {
            jdbc.batchUpdate("insert into evidence_file (sha256, size_bytes, media_type, status, title, text,"
                    + " doc_kind, doc_number, doc_date, stored_at, indexed_at) values (?, ?, 'application/pdf',"
                    + " 'INDEXED', ?, ?, ?, ?, ?, now(), now())", files);
            jdbc.batchUpdate("insert into evidence_link (sha256, assessment_id, item_code, file_name, uploaded_by,"
                    + " uploaded_at) values (?, ?, ?, ?, 'benchmark', now()) on conflict do nothing", links);
            files.clear();
            links.clear();
        }

        private String text(int kind, String number, LocalDate date, String title) {
            StringBuilder text = new StringBuilder();
            text.append("ỦY BAN NHÂN DÂN TỈNH BẮC NINH\n")
                    .append("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n")
                    .append("Số: ").append(number).append('\n')
                    .append("Bắc Ninh, ngày ").append(date.getDayOfMonth()).append(" tháng ")
                    .append(date.getMonthValue()).append(" năm ").append(date.getYear()).append('\n')
                    .append(KINDS[kind].toUpperCase(Locale.forLanguageTag("vi"))).append('\n')
                    .append(title).append('\n');
            int length = random.nextInt(20) == 0 ? 150 + random.nextInt(150)
                    : random.nextInt(4) == 0 ? 30 + random.nextInt(50) : 8 + random.nextInt(22);
            // about half the documents name digital transformation itself, as a real DTI corpus would
            boolean aboutTransformation = random.nextBoolean();
            if (random.nextInt(100) == 0) {
                text.append("Thí điểm mô hình chợ 4.0 tại trung tâm huyện. ");
            }
            for (int s = 0; s < length; s++) {
                String subject = aboutTransformation && random.nextInt(6) == 0 ? "chuyển đổi số" : pick(SUBJECTS);
                text.append(pick(AGENTS)).append(' ').append(pick(ACTIONS)).append(' ').append(subject).append(' ')
                        .append(pick(CIRCUMSTANCES)).append(s % 5 == 4 ? ".\n" : ". ");
            }
            return text.toString();
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
