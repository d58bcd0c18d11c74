package vn.dti.workflow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dti.framework.AuditLog;
import vn.dti.framework.ConflictException;
import vn.dti.framework.ForbiddenException;
import vn.dti.framework.InvalidInputException;
import vn.dti.security.CurrentUser;
import vn.dti.security.DtiUser;
import vn.dti.security.Role;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Moving the embedded engine's clock forward, for demonstrations: a year's cycle in minutes. The clock is one for
 * every province (moving it fires every province's timers), so only the platform's administrator may move it.
 */
@RestController
@RequestMapping("/api/engine/clock")
@Tag(name = "Đồng hồ quy trình")
class EngineClockController {

    private final EngineClock clock;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    EngineClockController(EngineClock clock, CurrentUser currentUser, AuditLog audit) {
        this.clock = clock;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @GetMapping
    Map<String, Object> now() {
        return Map.of("now", clock.now(), "movable", clock.movable());
    }

    @PostMapping
    @Operation(summary = "Dời đồng hồ của bộ máy quy trình nhúng tới (advance: ISO-8601, ví dụ P30D; hoặc to: một thời điểm)")
    Map<String, Object> advance(@RequestBody ClockRequest request) {
        DtiUser user = currentUser.get();
        if (user.role() != Role.PLATFORM_ADMIN) {
            throw new ForbiddenException("Chỉ quản trị viên nền tảng được dời đồng hồ: đồng hồ chung cho mọi tỉnh");
        }
        if (!clock.movable()) {
            throw new ConflictException("Chỉ dời được đồng hồ của bộ máy quy trình nhúng (chế độ embedded)");
        }
        Instant before = clock.now();
        if (request.advance() == null && request.to() == null) {
            throw new InvalidInputException("body", "cần advance hoặc to");
        }
        String field = request.advance() != null ? "advance" : "to";
        Instant now;
        try {
            now = request.advance() != null ? clock.advance(request.advance())
                    : clock.advanceTo(request.to().toInstant());
        } catch (IllegalArgumentException backwardsOrTooFar) {
            // Refused before the engine moved: nothing to undo.
            throw new InvalidInputException(field, backwardsOrTooFar.getMessage());
        }
        // Every timer of every province may fire: the log keeps who moved time, from when to when.
        audit.record(now, user.username(), "engine.clock", "engine-clock", "embedded", Map.of("now", before),
                Map.of("now", now));
        return Map.of("now", now, "movable", true);
    }

    record ClockRequest(Duration advance, OffsetDateTime to) {
    }
}
