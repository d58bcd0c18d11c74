package vn.dti.unit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.framework.AuditLog;
import vn.dti.framework.ConflictException;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.NotFoundException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.Level;
import vn.dti.security.DtiUser;
import vn.dti.workflow.EngineClock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The province's administrator adds, renames and retires its units. Each change is checked whole (every problem
 * named by its field), stored and audited in one transaction: a refused one leaves nothing. A unit is never deleted:
 * a retired one keeps its code and its past years' results.
 */
@Service
@Transactional
class UnitAdministration {

    /** The column's width. */
    private static final int CODE_LENGTH = 32;
    private static final int NAME_LENGTH = 200;
    private static final Pattern CODE_TAIL = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

    private final UnitRepository units;
    private final UnitCatalog catalog;
    private final List<UnitUsage> usages;
    private final AuditLog audit;
    private final EngineClock clock;

    UnitAdministration(UnitRepository units, UnitCatalog catalog, List<UnitUsage> usages, AuditLog audit,
                       EngineClock clock) {
        this.units = units;
        this.catalog = catalog;
        this.usages = usages;
        this.audit = audit;
        this.clock = clock;
    }

    record NewUnit(String code, String name, Level level, String parent, List<String> aliases) {
    }

    Unit add(String province, NewUnit request, DtiUser user) {
        requireAdmin(province, user);
        List<FieldProblem> problems = new ArrayList<>();
        String code = request.code() == null ? "" : request.code().strip();
        String prefix = province + "-";
        if (code.isEmpty()) {
            problems.add(new FieldProblem("code", "bắt buộc: mã đơn vị, ví dụ " + prefix + "S01"));
        } else if (!code.startsWith(prefix) || !CODE_TAIL.matcher(code.substring(prefix.length())).matches()
                || code.length() > CODE_LENGTH) {
            problems.add(new FieldProblem("code", "mã '" + code + "' phải bắt đầu bằng '" + prefix + "', tiếp theo"
                    + " là chữ hoa không dấu, chữ số và dấu gạch nối, tối đa " + CODE_LENGTH + " ký tự"));
        } else {
            units.findById(code).ifPresent(existing -> problems.add(new FieldProblem("code", "mã " + code
                    + " đã dùng cho đơn vị " + existing.getName() + (existing.isActive() ? "" : " (đã ngừng đánh giá)")
                    + "; mã không dùng lại được")));
        }
        String name = name(request.name(), problems);
        if (name != null) {
            duplicate(province, name, null).ifPresent(reason -> problems.add(new FieldProblem("name", reason)));
        }
        List<String> aliases = request.aliases() == null ? List.of() : request.aliases().stream()
                .filter(Objects::nonNull).map(String::strip).filter(alias -> !alias.isEmpty()).distinct().toList();
        if (request.level() == null) {
            problems.add(new FieldProblem("level", "bắt buộc: SO (cấp sở), HUYEN (cấp huyện) hoặc XA (cấp xã)"));
        } else if (request.level() == Level.XA) {
            parentProblem(province, request.parent()).ifPresent(reason ->
                    problems.add(new FieldProblem("parent", reason)));
        } else if (request.parent() != null && !request.parent().isBlank()) {
            problems.add(new FieldProblem("parent", "chỉ đơn vị cấp xã mới thuộc một huyện; đơn vị "
                    + request.level().label() + " không có đơn vị cấp trên"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int position = catalog.allUnits(province).stream().mapToInt(Unit::getPosition).max().orElse(0) + 1;
        Unit unit = units.save(Unit.added(code, province, name, request.level(),
                request.level() == Level.XA ? request.parent().strip() : null, aliases, position));
        audit.record(clock.now(), user.username(), "unit.add", "unit", code, null, state(unit, null));
        return unit;
    }

    Unit rename(String province, String code, String newName, String reason, DtiUser user) {
        requireAdmin(province, user);
        Unit unit = active(province, code);
        List<FieldProblem> problems = new ArrayList<>();
        String name = name(newName, problems);
        if (name != null && name.equals(unit.getName())) {
            problems.add(new FieldProblem("name", "tên mới trùng tên hiện tại của đơn vị"));
        } else if (name != null) {
            duplicate(province, name, code).ifPresent(problem -> problems.add(new FieldProblem("name", problem)));
        }
        reason(reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        requireUnused(unit, "đổi tên");
        Map<String, Object> before = state(unit, null);
        unit.rename(name);
        audit.record(clock.now(), user.username(), "unit.rename", "unit", code, before, state(unit, reason.strip()));
        return unit;
    }

    /** The unit is evaluated no more from today (by the process clock): new cycles leave it out. */
    Unit retire(String province, String code, String reason, DtiUser user) {
        requireAdmin(province, user);
        Unit unit = active(province, code);
        List<FieldProblem> problems = new ArrayList<>();
        reason(reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        requireUnused(unit, "ngừng đánh giá");
        if (unit.getLevel() == Level.HUYEN) {
            List<String> communes = catalog.units(province, Level.XA).stream()
                    .filter(xa -> code.equals(xa.getParentCode())).map(xa -> xa.getName() + " (" + xa.getCode() + ")")
                    .toList();
            if (!communes.isEmpty()) {
                throw new ConflictException("Không ngừng đánh giá được " + unit.getName() + ": các xã sau còn thuộc"
                        + " huyện này: " + String.join(", ", communes));
            }
        }
        Instant now = clock.now();
        Map<String, Object> before = state(unit, null);
        unit.retire(LocalDate.ofInstant(now, VietnameseFormat.VIETNAM));
        audit.record(now, user.username(), "unit.retire", "unit", code, before, state(unit, reason.strip()));
        return unit;
    }

    private static void requireAdmin(String province, DtiUser user) {
        if (!user.isAdminOf(province)) {
            throw new ForbiddenException("Chỉ quản trị viên của tỉnh " + province + " quản lý được đơn vị của tỉnh");
        }
    }

    private Unit active(String province, String code) {
        Unit unit = units.findById(code).filter(found -> found.getProvinceCode().equals(province))
                .orElseThrow(() -> new NotFoundException("Tỉnh " + province + " không có đơn vị mã " + code));
        if (!unit.isActive()) {
            throw new ConflictException("Đơn vị " + unit.getName() + " (" + code + ") đã ngừng đánh giá từ sau ngày "
                    + VietnameseFormat.date(unit.getValidUntil()));
        }
        return unit;
    }

    private void requireUnused(Unit unit, String action) {
        List<String> uses = usages.stream().flatMap(usage -> usage.openUses(unit.getCode()).stream()).toList();
        if (!uses.isEmpty()) {
            throw new ConflictException("Không " + action + " được " + unit.getName() + " (" + unit.getCode()
                    + ") khi " + String.join("; ", uses) + ": chờ kỳ đó công bố kết quả");
        }
    }

    private static String name(String requested, List<FieldProblem> problems) {
        String name = requested == null ? "" : requested.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "bắt buộc: tên đơn vị như trong văn bản, ví dụ Sở Tài chính"));
            return null;
        }
        if (name.length() > NAME_LENGTH) {
            problems.add(new FieldProblem("name", "tên dài quá " + NAME_LENGTH + " ký tự"));
            return null;
        }
        return name;
    }

    /** Why {@code name} would be taken twice in the province, by a name or an alias of another unit. */
    private Optional<String> duplicate(String province, String name, String exceptCode) {
        String key = UnitCatalog.nameKey(name);
        for (Unit other : catalog.allUnits(province)) {
            if (other.getCode().equals(exceptCode)) {
                continue;
            }
            boolean same = UnitCatalog.nameKey(other.getName()).equals(key);
            if (same || other.getAliases().stream().anyMatch(alias -> UnitCatalog.nameKey(alias).equals(key))) {
                return Optional.of("tỉnh " + province + " đã có đơn vị " + (same ? "tên '" : "mang tên khác '") + name
                        + "': " + other.getName() + " (" + other.getCode() + ")"
                        + (other.isActive() ? "" : ", đã ngừng đánh giá"));
            }
        }
        return Optional.empty();
    }

    private Optional<String> parentProblem(String province, String parent) {
        if (parent == null || parent.isBlank()) {
            return Optional.of("bắt buộc với đơn vị cấp xã: mã UBND huyện mà xã thuộc về");
        }
        Optional<Unit> huyen = units.findById(parent.strip())
                .filter(unit -> unit.getProvinceCode().equals(province) && unit.getLevel() == Level.HUYEN);
        if (huyen.isEmpty()) {
            return Optional.of("tỉnh " + province + " không có đơn vị cấp huyện mã " + parent.strip());
        }
        if (!huyen.get().isActive()) {
            return Optional.of(huyen.get().getName() + " đã ngừng đánh giá");
        }
        return Optional.empty();
    }

    private static void reason(String reason, List<FieldProblem> problems) {
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "bắt buộc: lý do (ví dụ số quyết định sáp nhập, đổi tên)"));
        }
    }

    /** What the audit log keeps of a unit before and after; the reason goes with the new state. */
    private static Map<String, Object> state(Unit unit, String reason) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", unit.getName());
        state.put("level", unit.getLevel());
        if (unit.getParentCode() != null) {
            state.put("parent", unit.getParentCode());
        }
        state.put("aliases", unit.getAliases());
        if (unit.getValidUntil() != null) {
            state.put("validUntil", unit.getValidUntil());
        }
        if (reason != null) {
            state.put("reason", reason);
        }
        return state;
    }
}
