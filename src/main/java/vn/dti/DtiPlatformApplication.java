package vn.dti;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DtiPlatformApplication {

    public static void main(String[] args) {
        SpringApplication.run(DtiPlatformApplication.class, args);
    }
}
