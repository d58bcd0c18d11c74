package vn.dti.cycle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperatePropertiesTest {

    @Test
    void aProcessInstanceIsLinkedToItsPageInOperate() {
        assertThat(new OperateProperties("http://localhost:8088/operate/").instance(2251799813685249L))
                .isEqualTo("http://localhost:8088/operate/processes/2251799813685249");
    }

    @Test
    void withoutAnAddressOrAnInstanceThereIsNoLink() {
        assertThat(new OperateProperties("").configured()).isFalse();
        assertThat(new OperateProperties(null).instance(1L)).isNull();
        assertThat(new OperateProperties("http://operate").instance(null)).isNull();
    }
}
