package vn.dti.cycle;

import org.springframework.data.jpa.repository.JpaRepository;
import vn.dti.indicator.Level;

import java.util.List;
import java.util.Optional;

interface CycleRepository extends JpaRepository<Cycle, Long> {

    Optional<Cycle> findByProvinceCodeAndYearAndLevelAndGroupCode(String province, int year, Level level, String group);

    List<Cycle> findByStatusNotOrderById(CycleStatus status);

    List<Cycle> findByProvinceCodeOrderById(String province);

    boolean existsByIndicatorSetId(String indicatorSetId);
}
