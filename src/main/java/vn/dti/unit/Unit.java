package vn.dti.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.dti.indicator.Level;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A state body that is evaluated (đơn vị được đánh giá). */
@Entity
public class Unit {

    @Id
    private String code;

    @Column(name = "province_code", nullable = false)
    private String provinceCode;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Level level;

    /** The huyện a xã belongs to; null for sở and huyện. */
    @Column(name = "parent_code")
    private String parentCode;

    /** Other spellings published documents use for this unit ("Ban Dân tộc" for "Ban Dân tộc tỉnh"). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> aliases;

    @Column(nullable = false)
    private int position;

    /** The last day the unit was evaluated; null while it is. */
    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "managed_by", nullable = false)
    private ManagedBy managedBy = ManagedBy.FILE;

    /** Where a unit's current state comes from: its province's file, or the administrator (a file no longer wins). */
    enum ManagedBy { FILE, ADMIN }

    protected Unit() {
    }

    Unit(String code, String provinceCode) {
        this.code = code;
        this.provinceCode = provinceCode;
    }

    /** A unit the administrator adds, after every unit of its province. */
    static Unit added(String code, String provinceCode, String name, Level level, String parentCode,
                      List<String> aliases, int position) {
        Unit unit = new Unit(code, provinceCode);
        unit.update(name, level, parentCode, aliases, position);
        unit.managedBy = ManagedBy.ADMIN;
        return unit;
    }

    /** The new name; the former one becomes an alias, as tables published under it must still be read. */
    void rename(String newName) {
        List<String> kept = new ArrayList<>(aliases);
        kept.remove(newName);
        if (!kept.contains(name)) {
            kept.add(name);
        }
        name = newName;
        aliases = List.copyOf(kept);
        managedBy = ManagedBy.ADMIN;
    }

    void retire(LocalDate lastDay) {
        validUntil = lastDay;
        managedBy = ManagedBy.ADMIN;
    }

    void update(String name, Level level, String parentCode, List<String> aliases, int position) {
        this.name = name;
        this.level = level;
        this.parentCode = parentCode;
        this.aliases = List.copyOf(aliases);
        this.position = position;
    }

    public String getCode() {
        return code;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public String getName() {
        return name;
    }

    public Level getLevel() {
        return level;
    }

    public String getParentCode() {
        return parentCode;
    }

    public List<String> getAliases() {
        return aliases;
    }

    public int getPosition() {
        return position;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public boolean isActive() {
        return validUntil == null;
    }

    ManagedBy getManagedBy() {
        return managedBy;
    }
}
