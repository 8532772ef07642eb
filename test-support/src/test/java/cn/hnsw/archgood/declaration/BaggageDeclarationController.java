package cn.hnsw.archgood.declaration;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Fixture: a controller using its own feature's repository. */
@RestController
public class BaggageDeclarationController {
    private final DeclarationRepository repository = new DeclarationRepository();

    ResponseEntity<BaggageDeclaration> get() {
        return ResponseEntity.ok(repository.find());
    }
}
