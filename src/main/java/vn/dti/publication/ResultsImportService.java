package vn.dti.publication;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.framework.AuditLog;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.InvalidInputException;
import vn.dti.framework.NotFoundException;
import vn.dti.framework.VietnameseFormat;
import vn.dti.indicator.IndicatorSet;
import vn.dti.indicator.IndicatorSetCatalog;
import vn.dti.indicator.Level;
import vn.dti.publication.ResultsVerifier.KnownUnit;
import vn.dti.publication.ResultsVerifier.Verification;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;
import vn.dti.unit.Province;
import vn.dti.unit.Unit;
import vn.dti.unit.UnitCatalog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Imports a results table: everything is read and verified before anything is written, so a refused file leaves
 * nothing behind. Imports and their reports are the province's administrator's and council's (of the province, not a
 * huyện's), for that province only.
 */
@Service
class ResultsImportService {

    private final UnitCatalog units;
    private final IndicatorSetCatalog indicatorSets;
    private final ResultsImportRepository imports;
    private final AuditLog audit;

    ResultsImportService(UnitCatalog units, IndicatorSetCatalog indicatorSets, ResultsImportRepository imports,
                         AuditLog audit) {
        this.units = units;
        this.indicatorSets = indicatorSets;
        this.imports = imports;
        this.audit = audit;
    }

    @Transactional
    ResultsImportReport importTable(String fileName, byte[] content, String provinceCode, Level level, int year,
                                    String indicatorSetId, DtiUser user) {
        Province province = units.province(provinceCode).orElseThrow(() ->
                new InvalidInputException("province", "không có tỉnh mã '" + provinceCode + "'"));
        requireProvinceStaff(user, province.getCode());
        if (year < 1 || year > 9999) {
            throw new InvalidInputException("year", "năm không hợp lệ: " + year);
        }
        IndicatorSet set = indicatorSet(province, level, year, indicatorSetId);
        ResultsTable table = ResultsTableReader.read(content, set);
        Map<String, KnownUnit> byName = new HashMap<>();
        units.unitsByName(province.getCode(), level).forEach((name, unit) -> byName.put(name, known(unit)));
        List<KnownUnit> all = units.units(province.getCode(), level).stream().map(ResultsImportService::known).toList();
        Verification verification = ResultsVerifier.verify(table, set, province.getName(), byName, all);
        // PostgreSQL keeps microseconds: the report answered now is the one read back later.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ResultsImportReport report = imports.save(new ResultsImport(province.getCode(), level, year, set.id(),
                fileName, sha256(content), now, table, verification)).toReport();
        audit.record(now, user.username(), "results-import.create", "results-import", String.valueOf(report.id()),
                null, Map.of("province", province.getCode(), "level", level, "year", year, "indicatorSet", set.id(),
                        "file", fileName, "sha256", report.fileSha256(),
                        "discrepancies", report.discrepancies().size()));
        return report;
    }

    @Transactional(readOnly = true)
    ResultsImportReport get(long id, DtiUser user) {
        ResultsImportReport report = imports.findById(id).map(ResultsImport::toReport)
                .orElseThrow(() -> new NotFoundException("Không có lần nhập bảng kết quả số " + id));
        requireProvinceStaff(user, report.province());
        return report;
    }

    private static void requireProvinceStaff(DtiUser user, String provinceCode) {
        boolean allowed = (user.role() == Role.ADMIN || user.role() == Role.COUNCIL)
                && user.scope().equals(provinceCode);
        if (!allowed) {
            throw new ForbiddenException("Chỉ quản trị viên hoặc Hội đồng thẩm định của tỉnh " + provinceCode
                    + " được nhập và xem bảng kết quả đối chiếu");
        }
    }

    /** The set named, if it is the province's for that level; else the version in force on 31/12 of the year. */
    private IndicatorSet indicatorSet(Province province, Level level, int year, String indicatorSetId) {
        if (indicatorSetId != null && !indicatorSetId.isBlank()) {
            IndicatorSet set = indicatorSets.get(indicatorSetId).orElseThrow(() ->
                    new InvalidInputException("indicatorSet", "không có bộ chỉ số '" + indicatorSetId + "'"));
            if (!set.province().equals(province.getCode()) || set.level() != level) {
                throw new InvalidInputException("indicatorSet", "bộ chỉ số " + set.id() + " không phải của "
                        + level.label() + " tỉnh " + province.getName());
            }
            return set;
        }
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        return indicatorSets.inForce(province.getCode(), level, endOfYear).orElseThrow(() ->
                new InvalidInputException("year", "không có bộ chỉ số " + level.label() + " của tỉnh "
                        + province.getName() + " có hiệu lực ngày " + VietnameseFormat.date(endOfYear)));
    }

    private static KnownUnit known(Unit unit) {
        return new KnownUnit(unit.getCode(), unit.getName(), unit.getParentCode());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
