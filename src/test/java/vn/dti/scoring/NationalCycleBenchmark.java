package vn.dti.scoring;

import vn.dti.indicator.IndicatorNode;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.IndicatorSetReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Scores and ranks a synthetic national cycle: 63 provinces × (20 Sở + 10 huyện + 150 xã, 15 per huyện), every unit
 * on Bắc Ninh's huyện set, and prints the throughput. Run with {@code ./mvnw -q -Pbenchmark test-compile exec:java}.
 * It prints figures and asserts nothing: the 2-second target is reported, not enforced.
 */
public final class NationalCycleBenchmark {

    private static final String SET_RESOURCE = "indicator-sets/bac-ninh-huyen-2023.yaml";
    private static final int PROVINCES = 63;
    private static final int SO_PER_PROVINCE = 20;
    private static final int HUYEN_PER_PROVINCE = 10;
    private static final int XA_PER_HUYEN = 15;
    private static final int WARM_UP_ROUNDS = 5;
    private static final int MEASURED_ROUNDS = 7;
    private static final long TARGET_NANOS = 2_000_000_000L;
    private static final long SEED = 20231006L;

    private NationalCycleBenchmark() {
    }

    /** The ranking groups of one province: Sở, huyện, and the xã of each huyện (ranked within their huyện). */
    private record Province(List<UnitSheet> so, List<UnitSheet> huyen, List<List<UnitSheet>> xaByHuyen) {
    }

    private record RoundResult(long nanos, int units, long itemScores, BigDecimal checksum) {
    }

    public static void main(String[] args) {
        IndicatorSet set = readSet();
        List<String> topLevelCodes = set.items().stream().map(IndicatorNode::code).toList();
        List<Province> cycle = generateCycle(set, new Random(SEED));

        System.out.printf("DTI national cycle benchmark: %d provinces × (%d Sở + %d huyện + %d xã), set %s (%d leaves)%n",
                PROVINCES, SO_PER_PROVINCE, HUYEN_PER_PROVINCE, HUYEN_PER_PROVINCE * XA_PER_HUYEN,
                set.id(), set.leaves().size());
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            print("warm-up", round, runCycle(set, topLevelCodes, cycle));
        }
        long[] nanos = new long[MEASURED_ROUNDS];
        RoundResult last = null;
        for (int round = 1; round <= MEASURED_ROUNDS; round++) {
            last = runCycle(set, topLevelCodes, cycle);
            nanos[round - 1] = last.nanos();
            print("measured", round, last);
        }
        Arrays.sort(nanos);
        long best = nanos[0];
        long median = nanos[MEASURED_ROUNDS / 2];
        Runtime runtime = Runtime.getRuntime();
        long heapUsed = runtime.totalMemory() - runtime.freeMemory();

        System.out.println("--- summary ---");
        System.out.printf("units per cycle        : %,d%n", last.units());
        System.out.printf("item scores per cycle  : %,d%n", last.itemScores());
        System.out.printf("cycle wall time        : best %.1f ms, median %.1f ms (%d measured rounds after %d warm-up)%n",
                millis(best), millis(median), MEASURED_ROUNDS, WARM_UP_ROUNDS);
        System.out.printf("units per second       : best %,.0f, median %,.0f%n",
                perSecond(last.units(), best), perSecond(last.units(), median));
        System.out.printf("available processors   : %d%n", runtime.availableProcessors());
        System.out.printf("heap used / max        : %,d MiB / %,d MiB%n", heapUsed >> 20, runtime.maxMemory() >> 20);
        System.out.printf("checksum (scaled totals): %s%n", last.checksum().toPlainString());
        System.out.printf("target (< 2 s, median) : %s%n", median < TARGET_NANOS ? "MET" : "MISSED");
    }

    private static IndicatorSet readSet() {
        try (InputStream in = NationalCycleBenchmark.class.getClassLoader().getResourceAsStream(SET_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource not found on the classpath: " + SET_RESOURCE);
            }
            return IndicatorSetReader.read(in, SET_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RoundResult runCycle(IndicatorSet set, List<String> topLevelCodes, List<Province> cycle) {
        int units = 0;
        long itemScores = 0;
        BigDecimal checksum = BigDecimal.ZERO;
        long start = System.nanoTime();
        for (Province province : cycle) {
            List<List<UnitSheet>> groups = new ArrayList<>(2 + province.xaByHuyen().size());
            groups.add(province.so());
            groups.add(province.huyen());
            groups.addAll(province.xaByHuyen());
            for (List<UnitSheet> group : groups) {
                GroupScoring.Result scored = GroupScoring.score(set, group, Set.of());
                Ranking.Result ranked = Ranking.rank(scored.units(), topLevelCodes, set.scale(),
                        RankingRules.of(set.profile()));
                units += ranked.units().size();
                for (RankedUnit unit : ranked.units()) {
                    itemScores += unit.score().items().size();
                    if (unit.scaledTotal() != null) {
                        checksum = checksum.add(unit.scaledTotal());
                    }
                }
            }
        }
        return new RoundResult(System.nanoTime() - start, units, itemScores, checksum);
    }

    private static void print(String kind, int round, RoundResult result) {
        System.out.printf("%-8s round %d: %8.1f ms, %,9.0f units/s, checksum %s%n", kind, round,
                millis(result.nanos()), perSecond(result.units(), result.nanos()),
                result.checksum().toPlainString());
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double perSecond(int units, long nanos) {
        return units * 1e9 / nanos;
    }

    // --- synthetic data (not timed) ---

    private static List<Province> generateCycle(IndicatorSet set, Random random) {
        List<IndicatorNode> leaves = set.leaves();
        List<Province> cycle = new ArrayList<>(PROVINCES);
        for (int p = 1; p <= PROVINCES; p++) {
            String prefix = "T%02d".formatted(p);
            List<UnitSheet> so = group(set, leaves, random, prefix + "-SO", SO_PER_PROVINCE);
            List<UnitSheet> huyen = group(set, leaves, random, prefix + "-H", HUYEN_PER_PROVINCE);
            List<List<UnitSheet>> xa = new ArrayList<>(HUYEN_PER_PROVINCE);
            for (int h = 1; h <= HUYEN_PER_PROVINCE; h++) {
                xa.add(group(set, leaves, random, prefix + "-H%02d-X".formatted(h), XA_PER_HUYEN));
            }
            cycle.add(new Province(so, huyen, xa));
        }
        return cycle;
    }

    /** A ranking group's sheets, checked valid so that the benchmark measures what production would accept. */
    private static List<UnitSheet> group(IndicatorSet set, List<IndicatorNode> leaves, Random random,
                                         String codePrefix, int size) {
        List<UnitSheet> sheets = new ArrayList<>(size);
        for (int u = 1; u <= size; u++) {
            String code = codePrefix + "%02d".formatted(u);
            sheets.add(random.nextInt(100) < 2 ? UnitSheet.notReported(code, code) : sheet(leaves, random, code));
        }
        var problems = GroupScoring.problems(set, sheets, "units");
        if (!problems.isEmpty()) {
            throw new IllegalStateException("synthetic sheets are invalid: " + problems);
        }
        return sheets;
    }

    private static UnitSheet sheet(List<IndicatorNode> leaves, Random random, String code) {
        Map<String, ItemColumns> items = new HashMap<>();
        for (IndicatorNode leaf : leaves) {
            int roll = random.nextInt(100);
            if (roll < 3) {
                items.put(leaf.code(), ItemColumns.selfOnly(ItemEntry.notApplicableEntry()));
            } else if (roll < 6) {
                continue; // missing: nothing entered
            } else {
                ItemEntry self = entry(leaf, random);
                // A quarter of the items were adjusted by the appraiser (the appraised value is drawn afresh).
                ItemEntry appraised = random.nextInt(4) == 0 ? entry(leaf, random) : null;
                items.put(leaf.code(), new ItemColumns(self, appraised, null));
            }
        }
        return new UnitSheet(code, code, true, items);
    }

    private static ItemEntry entry(IndicatorNode leaf, Random random) {
        return switch (leaf.kind()) {
            case YES_NO -> random.nextInt(4) == 0 ? ItemEntry.no() : ItemEntry.yes();
            case RATIO -> {
                if (random.nextInt(5) == 0) {
                    BigDecimal percent = BigDecimal.valueOf(random.nextInt(10_001), 2);
                    yield new ItemEntry(null, null, null, percent, null, false);
                }
                int denominator = 1 + random.nextInt(500);
                int numerator = random.nextInt(denominator + 1);
                yield new ItemEntry(null, BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator),
                        null, null, false);
            }
            // A whole percentage of the maximum, so the value is exact and never above it.
            case POINTS -> new ItemEntry(null, null, null, null,
                    leaf.points().multiply(BigDecimal.valueOf(random.nextInt(101))).movePointLeft(2), false);
        };
    }
}
