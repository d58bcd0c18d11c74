package vn.dti.calendar;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every province's calendar template, one file each; a file in the calendars directory replaces the shipped one of
 * its province, so that a province whose decision changes needs no rebuild. A province without one has no calendar:
 * its cycles are refused until a file is added, rather than run on another province's dates.
 */
final class CalendarTemplates {

    /** {@code administered}: from the calendars directory, where it replaces the shipped file of its province. */
    record TemplateFile(String name, byte[] content, boolean administered) {

        TemplateFile(String name, byte[] content) {
            this(name, content, false);
        }
    }

    private final Map<String, CalendarTemplate> byProvince;

    private CalendarTemplates(Map<String, CalendarTemplate> byProvince) {
        this.byProvince = Map.copyOf(byProvince);
    }

    /** Reads every file before refusing, so that one start-up names every bad file. */
    static CalendarTemplates read(List<TemplateFile> files) {
        List<String> errors = new ArrayList<>();
        Map<String, CalendarTemplate> byProvince = new HashMap<>();
        Map<String, TemplateFile> fileByProvince = new HashMap<>();
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
            TemplateFile previous = fileByProvince.putIfAbsent(template.province(), file);
            if (previous != null && previous.administered() == file.administered()) {
                errors.add("Tỉnh " + template.province() + " có hai lịch mẫu: " + previous.name() + " và "
                        + file.name());
            }
            if (previous == null || file.administered()) {
                fileByProvince.put(template.province(), file);
                byProvince.put(template.province(), template);
            }
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
