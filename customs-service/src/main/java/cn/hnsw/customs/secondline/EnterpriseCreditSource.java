package cn.hnsw.customs.secondline;

import java.util.Collection;
import java.util.Map;

/** Where enterprises' customs credit grades come from (the Single Window's enterprise credit query). */
public interface EnterpriseCreditSource {

    /** The partner asked, for the record. */
    String partner();

    /** Grade by unified social credit code for the asked enterprises; an enterprise without a grade is left out. */
    Map<String, String> grades(Collection<String> enterprises);

    /** The source could not be asked or did not answer usably. */
    class UnavailableException extends RuntimeException {
        public UnavailableException(String message) {
            super(message);
        }
    }
}
