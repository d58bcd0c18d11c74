package vn.dti.publication;

import org.springframework.data.jpa.repository.JpaRepository;

interface ResultsImportRepository extends JpaRepository<ResultsImport, Long> {
}
