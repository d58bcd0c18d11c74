package vn.dti.calendar;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every province's calendar template; {@value #DEFAULT_FILE} serves the provinces without a file of their own. */
final class CalendarTemplates {

    static final String DEFAULT_FILE = "default.yaml";

    record TemplateFile(String name, byte[] content) {
    }

    private final CalendarTemplate defaults;
    private final Map<String, CalendarTemplate> byProvince;

    private CalendarTemplates(CalendarTemplate defaults, Map<String, CalendarTemplate> byProvince) {
        this.defaults = defaults;
        this.byProvince = Map.copyOf(byProvince);
    }

    /** Reads every file before refusing, so that one start-up names every bad file. */
    static CalendarTemplates read(List<TemplateFile> files) {
        List<String> errors = new ArrayList<>();
        CalendarTemplate defaults = null;
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
            if (file.name().equals(DEFAULT_FILE)) {
                if (template.province() != null) {
                    errors.add("Lịch mẫu " + DEFAULT_FILE + " dùng cho mọi tỉnh không có lịch riêng: bỏ province: "
                            + template.province());
                }
                defaults = template;
            } else if (template.province() == null || template.province().isBlank()) {
                errors.add("Lịch mẫu " + file.name() + " thiếu mã tỉnh (province), như trong units/*.yaml");
            } else {
                String previous = fileByProvince.putIfAbsent(template.province(), file.name());
                if (previous != null) {
                    errors.add("Tỉnh " + template.province() + " có hai lịch mẫu: " + previous + " và " + file.name());
                }
                byProvince.put(template.province(), template);
            }
        }
        if (files.stream().noneMatch(file -> file.name().equals(DEFAULT_FILE))) {
            errors.add("Thiếu lịch mẫu " + DEFAULT_FILE + " cho các tỉnh không có lịch riêng");
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(String.join("\n", errors));
        }
        return new CalendarTemplates(defaults, byProvince);
    }

    CalendarTemplate forProvince(String provinceCode) {
        return byProvince.getOrDefault(provinceCode, defaults);
    }
}
