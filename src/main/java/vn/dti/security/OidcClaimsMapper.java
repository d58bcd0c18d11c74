package vn.dti.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an OIDC token's claims into a platform user: the role from a configured claim value, the scope (a unit, a
 * huyện or a province) and the province from claims, each checked against the units the platform knows. A person the
 * configuration does not give a role, or whose scope does not fit the role, is refused with the reason.
 */
final class OidcClaimsMapper {

    /** A value of the role claim and the role it gives. */
    record RoleMapping(String value, Role role) {
    }

    record Settings(String usernameClaim, String roleClaim, List<RoleMapping> roles, String scopeClaim,
                    String provinceClaim) {
    }

    /** What a scope code names: a province, or a unit of a level, and the province it belongs to. */
    record KnownScope(String province, Kind kind) {
        enum Kind { PROVINCE, SO, HUYEN, XA }
    }

    /** The platform's provinces and units, by code. */
    interface Scopes {
        Optional<KnownScope> find(String code);
    }

    /** A token that does not make a platform user; the message says why, in Vietnamese. */
    static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }

    private final Settings settings;
    private final Scopes scopes;

    OidcClaimsMapper(Settings settings, Scopes scopes) {
        this.settings = settings;
        this.scopes = scopes;
    }

    DtiUser map(Map<String, Object> claims) {
        String username = single(claims, settings.usernameClaim())
                .orElseThrow(() -> new RefusedException("Mã thông báo đăng nhập không có tên người dùng (claim '"
                        + settings.usernameClaim() + "')"));
        List<String> roleValues = values(claims, settings.roleClaim());
        Role role = settings.roles().stream()
                .filter(mapping -> roleValues.contains(mapping.value()))
                .map(RoleMapping::role)
                .findFirst()
                .orElseThrow(() -> new RefusedException("Tài khoản " + username + " chưa được gán vai trò nào trên nền"
                        + " tảng (claim '" + settings.roleClaim() + "': " + (roleValues.isEmpty() ? "trống"
                        : String.join(", ", roleValues)) + ")"));
        if (role == Role.PLATFORM_ADMIN) {
            // The platform's administrator belongs to no province or unit: no scope claim is read.
            return new DtiUser(username, role, null, null);
        }
        String scope = single(claims, settings.scopeClaim()).map(OidcClaimsMapper::code)
                .orElseThrow(() -> new RefusedException("Tài khoản " + username + " chưa có phạm vi (claim '"
                        + settings.scopeClaim() + "': mã đơn vị, huyện hoặc tỉnh)"));
        KnownScope known = scopes.find(scope)
                .orElseThrow(() -> new RefusedException("Phạm vi '" + scope + "' của tài khoản " + username
                        + " không phải mã tỉnh hay đơn vị nào của nền tảng"));
        if (!fits(role, known.kind())) {
            throw new RefusedException("Phạm vi '" + scope + "' không hợp với vai trò " + roleName(role)
                    + " của tài khoản " + username + ": " + expected(role));
        }
        Optional<String> province = single(claims, settings.provinceClaim()).map(OidcClaimsMapper::code);
        if (province.isPresent() && !province.get().equals(known.province())) {
            throw new RefusedException("Tỉnh '" + province.get() + "' của tài khoản " + username + " khác tỉnh của"
                    + " phạm vi '" + scope + "' (" + known.province() + ")");
        }
        return new DtiUser(username, role, scope, known.province());
    }

    private static boolean fits(Role role, KnownScope.Kind kind) {
        return switch (role) {
            case UNIT_OFFICER -> kind != KnownScope.Kind.PROVINCE;
            case COUNCIL, CHAIRMAN -> kind == KnownScope.Kind.PROVINCE || kind == KnownScope.Kind.HUYEN;
            case ADMIN -> kind == KnownScope.Kind.PROVINCE;
            case PLATFORM_ADMIN -> false; // mapped before any scope is read
        };
    }

    private static String expected(Role role) {
        return switch (role) {
            case UNIT_OFFICER -> "cần mã một đơn vị";
            case COUNCIL, CHAIRMAN -> "cần mã tỉnh, hoặc mã huyện với các xã của huyện";
            case ADMIN -> "cần mã tỉnh";
            case PLATFORM_ADMIN -> "không có phạm vi";
        };
    }

    private static String roleName(Role role) {
        return switch (role) {
            case UNIT_OFFICER -> "cán bộ đơn vị";
            case COUNCIL -> "Hội đồng thẩm định";
            case CHAIRMAN -> "Chủ tịch";
            case ADMIN -> "quản trị viên";
            case PLATFORM_ADMIN -> "quản trị viên nền tảng";
        };
    }

    private static String code(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }

    /** One text: a text claim, or a list holding exactly one. */
    private static Optional<String> single(Map<String, Object> claims, String name) {
        List<String> values = values(claims, name);
        return values.size() == 1 ? Optional.of(values.getFirst()) : Optional.empty();
    }

    /** The texts of a claim, read as a name first and then as a path of nested claims ("realm_access.roles"). */
    private static List<String> values(Map<String, Object> claims, String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        Object value = claims.containsKey(name) ? claims.get(name) : path(claims, name);
        List<String> texts = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.stream().filter(each -> each != null && !each.toString().isBlank())
                    .forEach(each -> texts.add(each.toString().strip()));
        } else if (value != null && !value.toString().isBlank()) {
            texts.add(value.toString().strip());
        }
        return texts;
    }

    private static Object path(Map<String, Object> claims, String name) {
        Object current = claims;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
