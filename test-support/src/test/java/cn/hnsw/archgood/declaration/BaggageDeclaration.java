package cn.hnsw.archgood.declaration;

import org.springframework.http.HttpStatus;

/** Fixture: a domain entity; an HTTP status in an error code is allowed, HTTP plumbing is not. */
public class BaggageDeclaration {
    HttpStatus refusal() {
        return HttpStatus.CONFLICT;
    }
}
