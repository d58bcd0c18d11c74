package vn.dti.indicator;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The database row of an indicator set version; its items are rows of {@link StoredIndicatorItem}. */
@Entity
@Table(name = "indicator_set")
class StoredIndicatorSet {

    @Id
    private String id;
    @Column(name = "province_code", nullable = false)
    private String provinceCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Level level;
    @Column(nullable = false)
    private String version;
    @Column(name = "effective_from")
    private LocalDate effectiveFrom;
    @Column(name = "source_number")
    private String sourceNumber;
    @Column(name = "source_date")
    private LocalDate sourceDate;
    @Column(name = "source_title")
    private String sourceTitle;
    @Column(name = "source_seed")
    private String sourceSeed;
    @Column(nullable = false)
    private BigDecimal scale;
    @Column(nullable = false)
    private boolean complete;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> notes;
    @Column(nullable = false)
    private String checksum;
    @Column(name = "file_name", nullable = false)
    private String fileName;
    /** JSON of the {@link RegulationProfile}; null for a row stored before profiles existed. */
    private String profile;
    @Column(name = "profile_checksum")
    private String profileChecksum;

    @OneToMany(mappedBy = "setId", cascade = CascadeType.ALL)
    @OrderBy("position")
    private List<StoredIndicatorItem> items = new ArrayList<>();

    protected StoredIndicatorSet() {
    }

    StoredIndicatorSet(IndicatorSet set, String checksum, String fileName) {
        this.id = set.id();
        this.provinceCode = set.province();
        this.level = set.level();
        this.version = set.version();
        this.effectiveFrom = set.effectiveFrom();
        this.sourceNumber = set.source().number();
        this.sourceDate = set.source().date();
        this.sourceTitle = set.source().title();
        this.sourceSeed = set.source().seed();
        this.scale = set.scale();
        this.complete = set.complete();
        this.notes = set.notes();
        this.checksum = checksum;
        this.fileName = fileName;
        replaceProfile(set.profile(), fileName);
        int[] position = {0};
        set.items().forEach(item -> flatten(item, null, position));
    }

    private void flatten(IndicatorNode node, String parentCode, int[] position) {
        items.add(new StoredIndicatorItem(id, node, parentCode, ++position[0]));
        node.children().forEach(child -> flatten(child, node.code(), position));
    }

    IndicatorSet toSet() {
        Map<String, List<StoredIndicatorItem>> childrenByParent = new LinkedHashMap<>();
        for (StoredIndicatorItem item : items) {
            childrenByParent.computeIfAbsent(item.parentCode(), k -> new ArrayList<>()).add(item);
        }
        return new IndicatorSet(provinceCode, level, version, effectiveFrom,
                new SourceDecision(sourceNumber, sourceDate, sourceTitle, sourceSeed), scale, complete, notes,
                build(null, childrenByParent), ProfileJson.read(profile));
    }

    void replaceProfile(RegulationProfile newProfile, String fromFile) {
        this.profile = ProfileJson.write(newProfile);
        this.profileChecksum = ProfileJson.checksum(newProfile);
        this.fileName = fromFile;
    }

    String profileChecksum() {
        return profileChecksum;
    }

    private static List<IndicatorNode> build(String parent, Map<String, List<StoredIndicatorItem>> byParent) {
        return byParent.getOrDefault(parent, List.of()).stream()
                .map(item -> item.toNode(build(item.code(), byParent)))
                .toList();
    }

    String id() {
        return id;
    }

    String checksum() {
        return checksum;
    }

    String fileName() {
        return fileName;
    }
}
