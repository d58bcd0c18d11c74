package vn.dti.cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import vn.dti.indicator.Level;

import java.time.Instant;

/** One year's evaluation of one ranking group of a province, and the step its process has reached. */
@Entity
public class Cycle {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "province_code", nullable = false)
    private String provinceCode;
    @Column(nullable = false)
    private int year;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Level level;
    @Column(name = "group_code", nullable = false)
    private String groupCode;
    @Column(name = "indicator_set_id", nullable = false)
    private String indicatorSetId;
    @Column(name = "council_group", nullable = false)
    private String councilGroup;
    @Column(name = "approver_group", nullable = false)
    private String approverGroup;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CycleStatus status;
    @Column(nullable = false)
    private String step;
    @Column(name = "process_instance_key")
    private Long processInstanceKey;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "closed_at")
    private Instant closedAt;

    protected Cycle() {
    }

    Cycle(String provinceCode, int year, Level level, String groupCode, String indicatorSetId, String councilGroup,
          String approverGroup, String step, Instant startedAt) {
        this.provinceCode = provinceCode;
        this.year = year;
        this.level = level;
        this.groupCode = groupCode;
        this.indicatorSetId = indicatorSetId;
        this.councilGroup = councilGroup;
        this.approverGroup = approverGroup;
        this.status = CycleStatus.OPEN;
        this.step = step;
        this.startedAt = startedAt;
    }

    void reached(String step, CycleStatus status, Instant at) {
        this.step = step;
        this.status = status;
        if (status == CycleStatus.PUBLISHED) {
            this.closedAt = at;
        }
    }

    void attachProcess(long key) {
        this.processInstanceKey = key;
    }

    public Long getId() {
        return id;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public int getYear() {
        return year;
    }

    public Level getLevel() {
        return level;
    }

    public String getGroupCode() {
        return groupCode;
    }

    public String getIndicatorSetId() {
        return indicatorSetId;
    }

    public String getCouncilGroup() {
        return councilGroup;
    }

    public String getApproverGroup() {
        return approverGroup;
    }

    public CycleStatus getStatus() {
        return status;
    }

    public String getStep() {
        return step;
    }

    public Long getProcessInstanceKey() {
        return processInstanceKey;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
