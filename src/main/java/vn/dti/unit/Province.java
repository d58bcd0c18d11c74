package vn.dti.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Province {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    protected Province() {
    }

    Province(String code, String name) {
        this.code = code;
        this.name = name;
    }

    void rename(String name) {
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}
