package vn.dti.indicator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stored indicator set versions, held in memory: they never change once stored. */
@Service
public class IndicatorSetCatalog {

    private final StoredIndicatorSetRepository repository;
    private volatile Map<String, IndicatorSet> sets = Map.of();

    IndicatorSetCatalog(StoredIndicatorSetRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    void reload() {
        Map<String, IndicatorSet> loaded = new LinkedHashMap<>();
        repository.findAll().stream()
                .map(StoredIndicatorSet::toSet)
                .sorted(Comparator.comparing(IndicatorSet::province).thenComparing(IndicatorSet::level)
                        .thenComparing(IndicatorSet::effectiveFrom, Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(set -> loaded.put(set.id(), set));
        sets = Collections.unmodifiableMap(loaded);
    }

    /** By province, level and date of effect. */
    public List<IndicatorSet> all() {
        return List.copyOf(sets.values());
    }

    public Optional<IndicatorSet> get(String id) {
        return Optional.ofNullable(sets.get(id));
    }

    /** The version in force on {@code date}: the latest that took effect on or before it. */
    public Optional<IndicatorSet> inForce(String province, Level level, LocalDate date) {
        return sets.values().stream()
                .filter(set -> set.province().equals(province) && set.level() == level)
                .filter(set -> set.effectiveFrom() != null && !set.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(IndicatorSet::effectiveFrom));
    }
}
