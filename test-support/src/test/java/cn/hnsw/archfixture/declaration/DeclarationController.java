package cn.hnsw.archfixture.declaration;

import cn.hnsw.archfixture.tax.TaxRepository;
import org.springframework.web.bind.annotation.RestController;

/** Fixture: a controller reaching into another feature's repository. */
@RestController
public class DeclarationController {
    private final TaxRepository taxes = new TaxRepository();
}
