package vn.dti.calendar;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every province's calendar template, one file each. A province without one has no calendar: its cycles are refused
 * until a file is added, rather than run on another province's dates.
 */
final class CalendarTemplates {

    record TemplateFile(String name, byte[] content) {
    }

    private final Map<String, CalendarTemplate> byProvince;

    private CalendarTemplates(Map<String, CalendarTemplate> byProvince) {
        this.byProvince = Map.copyOf(byProvince);
    }

    /** Reads every file before refusing, so that one start-up names every bad file. */
    static CalendarTemplates read(List<TemplateFile> files) {
        List<String> errors = new ArrayList<>();
        Map<String, CalendarTemplate> byProvince = new HashMap<>();
        Map<String, String> fileByProvince = new HashMap<>();
        for (TemplateFile file : files) {
            CalendarTemplate template;
            try {
                template = CalendarTemplate.read(new ByteArrayInputStream(file.content()), file.name());
            } catch (IllegalStateException e) {
                errors.add(e.getMessage());
                continue;
            }
            if (template.province() == null || template.province().isBlank()) {
                errors.add("Lịch mẫu " + file.name() + " thiếu mã tỉnh (province), như trong units/*.yaml");
                continue;
            }
            String previous = fileByProvince.putIfAbsent(template.province(), file.name());
            if (previous != null) {
                errors.add("Tỉnh " + template.province() + " có hai lịch mẫu: " + previous + " và " + file.name());
            }
            byProvince.put(template.province(), template);
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(String.join("\n", errors));
        }
        return new CalendarTemplates(byProvince);
    }

    Optional<CalendarTemplate> forProvince(String provinceCode) {
        return Optional.ofNullable(byProvince.get(provinceCode));
    }
}
