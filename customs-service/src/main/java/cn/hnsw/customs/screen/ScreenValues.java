package cn.hnsw.customs.screen;

import cn.hnsw.customs.declaration.DeclarationStatus;
import cn.hnsw.customs.declaration.DeclarationType;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;

/** A declaration record's field as a screen or a sheet shows it: codes as they are, types and states by name. */
public final class ScreenValues {

    private ScreenValues() {
    }

    /** The value of component {@code field} of {@code record}, or null where the record has no such component. */
    public static Object value(Record record, String field) {
        if (record == null) {
            return null;
        }
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(field)) {
                try {
                    return c.getAccessor().invoke(record);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    /** Text for a cell: a type or a state by its Chinese name, amounts without exponent, nothing as blank. */
    public static String text(Object value) {
        return switch (value) {
            case null -> "";
            case DeclarationType t -> t.nameZh();
            case DeclarationStatus s -> s.nameZh();
            case BigDecimal d -> d.toPlainString();
            default -> value.toString();
        };
    }
}
