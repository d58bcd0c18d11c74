package vn.dti.evidence;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface EvidenceFileRepository extends JpaRepository<EvidenceFile, String> {

    @Query("select f.sha256 from EvidenceFile f where f.status = vn.dti.evidence.EvidenceStatus.PENDING")
    List<String> pending();
}
