package vn.dti.unit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dti.indicator.Level;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Read access to provinces and units for the other modules and the API. */
@Service
@Transactional(readOnly = true)
public class UnitCatalog {

    private final ProvinceRepository provinces;
    private final UnitRepository units;

    UnitCatalog(ProvinceRepository provinces, UnitRepository units) {
        this.provinces = provinces;
        this.units = units;
    }

    /** In Vietnamese alphabetical order (Đắk Lắk after Bắc Ninh, not after Quảng Nam as code points would have it). */
    public List<Province> provinces() {
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        return provinces.findAll().stream().sorted(Comparator.comparing(Province::getName, vietnamese)).toList();
    }

    public Optional<Province> province(String code) {
        return provinces.findById(code);
    }

    /** The units evaluated now: a retired one is left out (read it by its code). */
    public List<Unit> units(String provinceCode) {
        return units.findByProvinceCodeAndValidUntilIsNullOrderByPosition(provinceCode);
    }

    /** The units of a level evaluated now: a retired one is left out (read it by its code). */
    public List<Unit> units(String provinceCode, Level level) {
        return units.findByProvinceCodeAndLevelAndValidUntilIsNullOrderByPosition(provinceCode, level);
    }

    /** Every unit of the province, retired ones included. */
    public List<Unit> allUnits(String provinceCode) {
        return units.findByProvinceCodeOrderByPosition(provinceCode);
    }

    public Optional<Unit> unit(String code) {
        return units.findById(code);
    }

    /**
     * Units of a province and level by every name they are published under (official name and aliases), compared
     * without regard to case and spacing: published tables write "Sở Công thương" for "Sở Công Thương". Retired units
     * are included: a table of a past year names them.
     */
    public Map<String, Unit> unitsByName(String provinceCode, Level level) {
        Map<String, Unit> byName = new HashMap<>();
        for (Unit unit : allUnits(provinceCode).stream().filter(unit -> unit.getLevel() == level).toList()) {
            byName.put(nameKey(unit.getName()), unit);
            unit.getAliases().forEach(alias -> byName.putIfAbsent(nameKey(alias), unit));
        }
        return byName;
    }

    public static String nameKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.forLanguageTag("vi"));
    }
}
