package vn.dti.indicator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

@Entity
@Table(name = "indicator_item")
@IdClass(StoredIndicatorItem.Key.class)
class StoredIndicatorItem {

    @Id
    @Column(name = "set_id")
    private String setId;
    @Id
    private String code;
    @Column(name = "parent_code")
    private String parentCode;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NodeType type;
    private BigDecimal points;
    @Enumerated(EnumType.STRING)
    private ItemKind kind;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> parts;

    protected StoredIndicatorItem() {
    }

    StoredIndicatorItem(String setId, IndicatorNode node, String parentCode, int position) {
        this.setId = setId;
        this.code = node.code();
        this.parentCode = parentCode;
        this.position = position;
        this.name = node.name();
        this.type = node.type();
        this.points = node.points();
        this.kind = node.kind();
        this.parts = node.parts();
    }

    String code() {
        return code;
    }

    String parentCode() {
        return parentCode;
    }

    IndicatorNode toNode(List<IndicatorNode> children) {
        return new IndicatorNode(code, name, type, points, kind, parts,
                children);
    }

    static class Key implements Serializable {
        private String setId;
        private String code;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && setId.equals(key.setId) && code.equals(key.code);
        }

        @Override
        public int hashCode() {
            return setId.hashCode() * 31 + code.hashCode();
        }
    }
}
