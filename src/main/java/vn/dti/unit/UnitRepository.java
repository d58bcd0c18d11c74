package vn.dti.unit;

import org.springframework.data.jpa.repository.JpaRepository;
import vn.dti.indicator.Level;

import java.util.List;

public interface UnitRepository extends JpaRepository<Unit, String> {

    List<Unit> findByProvinceCodeOrderByPosition(String provinceCode);

    List<Unit> findByProvinceCodeAndValidUntilIsNullOrderByPosition(String provinceCode);

    List<Unit> findByProvinceCodeAndLevelAndValidUntilIsNullOrderByPosition(String provinceCode, Level level);
}
