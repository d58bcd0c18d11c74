package vn.dti.indicator;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dti.framework.AuditLog;
import vn.dti.framework.ConflictException;
import vn.dti.framework.FieldProblem;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.InvalidInputException;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A new indicator set version from an administrator, in the file format of {@code indicator-sets/}: read and
 * validated as the shipped files are, stored only when it has no problem at all, and never over a stored version.
 */
@Service
public class IndicatorSetUploads {

    static final int MAX_FILE_SIZE = 1024 * 1024;

    private final StoredIndicatorSetRepository repository;
    private final IndicatorSetCatalog catalog;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final IndicatorSetUsage usage;

    IndicatorSetUploads(StoredIndicatorSetRepository repository, IndicatorSetCatalog catalog, AuditLog audit,
                        TransactionTemplate transactions, IndicatorSetUsage usage) {
        this.repository = repository;
        this.catalog = catalog;
        this.audit = audit;
        this.transactions = transactions;
        this.usage = usage;
    }

    /** Stores the file's version for the administrator's own province; refusals name every problem of the file. */
    public IndicatorSet upload(String fileName, byte[] content, DtiUser user) {
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("Chỉ quản trị viên tỉnh được tải lên bộ chỉ số");
        }
        String name = baseName(fileName);
        if (content.length == 0) {
            throw new InvalidInputException("file", "tệp " + name + " trống");
        }
        if (content.length > MAX_FILE_SIZE) {
            throw new InvalidInputException("file", "tệp " + name + " dung lượng " + content.length
                    + " byte, vượt giới hạn " + MAX_FILE_SIZE + " byte của một bộ chỉ số");
        }
        IndicatorSet set;
        try {
            set = IndicatorSetReader.read(new ByteArrayInputStream(content), name);
        } catch (InvalidIndicatorSetException e) {
            throw new InvalidInputException(e.problems().stream().map(problem -> new FieldProblem("file", problem))
                    .toList());
        }
        if (!user.isAdminOf(set.province())) {
            throw new ForbiddenException("Tệp " + name + " là bộ chỉ số của tỉnh " + set.province()
                    + "; bạn chỉ được tải lên bộ chỉ số của tỉnh " + user.province());
        }
        String checksum = IndicatorSetLoader.checksum(set);
        Optional<StoredIndicatorSet> stored = repository.findById(set.id());
        if (stored.isPresent() && stored.get().checksum().equals(checksum)
                && !ProfileJson.checksum(set.profile()).equals(stored.get().profileChecksum())) {
            return replaceProfile(set, name, user);
        }
        refuseStored(set.id(), checksum, stored);
        try {
            transactions.executeWithoutResult(status -> {
                repository.saveAndFlush(new StoredIndicatorSet(set, checksum, name));
                audit.record(Instant.now(), user.username(), "indicator-set.upload", "indicator-set", set.id(), null,
                        Map.of("file", name, "checksum", checksum));
            });
        } catch (DataIntegrityViolationException e) {
            // Someone stored the same version a moment ago.
            refuseStored(set.id(), checksum, repository.findById(set.id()));
            throw e;
        }
        catalog.reload();
        return set;
    }

    /** The same items with a corrected profile: allowed until a cycle uses the version. */
    private IndicatorSet replaceProfile(IndicatorSet set, String name, DtiUser user) {
        if (usage.usedByCycle(set.id())) {
            throw new ConflictException("Tệp " + name + ": " + IndicatorSetLoader.profileInUse(set.id()));
        }
        String profileChecksum = ProfileJson.checksum(set.profile());
        transactions.executeWithoutResult(status -> {
            repository.findById(set.id()).orElseThrow().replaceProfile(set.profile(), name);
            audit.record(Instant.now(), user.username(), "indicator-set.profile", "indicator-set", set.id(), null,
                    Map.of("file", name, "profileChecksum", profileChecksum));
        });
        catalog.reload();
        return set;
    }

    private static void refuseStored(String id, String checksum, Optional<StoredIndicatorSet> stored) {
        if (stored.isEmpty()) {
            return;
        }
        if (stored.get().checksum().equals(checksum)) {
            throw new ConflictException("Phiên bản " + id + " đã được lưu với đúng nội dung này (từ tệp "
                    + stored.get().fileName() + ")");
        }
        throw new ConflictException("Bộ chỉ số " + id + " đã có (từ tệp " + stored.get().fileName()
                + "): một phiên bản đã lưu không bao giờ bị thay thế; hãy ghi nội dung mới thành một phiên bản mới"
                + " (đổi version)");
    }

    /** The name only, wherever the browser says the file came from. */
    private static String baseName(String fileName) {
        if (fileName == null) {
            return "bo-chi-so.yaml";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.isBlank() ? "bo-chi-so.yaml" : name;
    }
}
