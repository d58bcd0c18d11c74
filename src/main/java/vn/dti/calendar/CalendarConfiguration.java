package vn.dti.calendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.dti.calendar.CalendarTemplates.TemplateFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    /**
     * The shipped templates and those an administrator puts in {@code dti.calendars.directory} (which replace the
     * shipped one of their province), read when the application starts, so a bad one stops it with the file, the
     * field and the reason.
     */
    @Bean
    CalendarTemplates calendarTemplates(@Value("${dti.calendars.directory:}") String directory) throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        List<TemplateFile> files = new ArrayList<>(read(resolver.getResources("classpath*:calendars/*.yaml"), false));
        if (!directory.isBlank()) {
            files.addAll(read(resolver.getResources("file:" + directory + "/*.yaml"), true));
        }
        return CalendarTemplates.read(files);
    }

    private static List<TemplateFile> read(Resource[] resources, boolean administered) throws IOException {
        List<TemplateFile> files = new ArrayList<>();
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                files.add(new TemplateFile(resource.getFilename(), in.readAllBytes(), administered));
            }
        }
        return files;
    }
}
