package cn.hnsw.customs.screen;

/**
 * One field shown on a configured screen.
 *
 * @param section      where it shows
 * @param field        the declaration model's field name (API name), checked against {@link FieldCatalog}
 * @param position     its place within the section, from 1
 * @param required     entry only: the declaration is not declared while the field is blank
 * @param defaultValue entry only: what the entry screen fills in for a new declaration
 * @param labelZh      the field's Chinese label (from the catalog)
 * @param labelEn      the field's English label (from the catalog)
 */
public record ScreenField(Screen.Section section, String field, int position, boolean required, String defaultValue,
                          String labelZh, String labelEn) {

    /** What an operator sends for one field; {@code position} null puts it last. */
    public record Change(Screen.Section section, String field, Integer position, Boolean required, String defaultValue) {
    }
}
