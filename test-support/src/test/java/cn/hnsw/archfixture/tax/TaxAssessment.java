package cn.hnsw.archfixture.tax;

import org.springframework.http.ResponseEntity;

/** Fixture: a domain class that speaks HTTP. */
public class TaxAssessment {
    ResponseEntity<String> leak() {
        return ResponseEntity.ok("x");
    }
}
