package vn.dti.calendar;

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

    /** Read when the application starts, so a bad template stops it with the file and the reason. */
    @Bean
    CalendarTemplates calendarTemplates() throws IOException {
        List<TemplateFile> files = new ArrayList<>();
        var resolver = new PathMatchingResourcePatternResolver();
        for (Resource resource : resolver.getResources("classpath*:calendars/*.yaml")) {
            try (InputStream in = resource.getInputStream()) {
                files.add(new TemplateFile(resource.getFilename(), in.readAllBytes()));
            }
        }
        return CalendarTemplates.read(files);
    }
}
