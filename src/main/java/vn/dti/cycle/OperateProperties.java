package vn.dti.cycle;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url Camunda Operate's address as people's browsers reach it (e.g. {@code http://localhost:8088/operate});
 *            in camunda mode the process view links each process instance there. Unused in embedded mode.
 */
@ConfigurationProperties("dti.operate")
record OperateProperties(String url) {

    boolean configured() {
        return url != null && !url.isBlank();
    }

    /** Operate's page of one process instance, or null when there is no Operate to link to. */
    String instance(Long processInstanceKey) {
        if (!configured() || processInstanceKey == null) {
            return null;
        }
        return url.replaceAll("/+$", "") + "/processes/" + processInstanceKey;
    }
}
