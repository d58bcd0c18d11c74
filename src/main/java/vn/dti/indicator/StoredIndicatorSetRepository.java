package vn.dti.indicator;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredIndicatorSetRepository extends JpaRepository<StoredIndicatorSet, String> {
}
